export { findPackageRoot, readDependencyFile, readPackageFile, readUserFile } from './resources.js';
