export { findPackageRoot, readDependencyFile, readPackageFile } from './resources.js';
