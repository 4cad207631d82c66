export { findPackageRoot, readPackageFile, readUserFile } from './resources.js';
