// Package packaging holds the files of Media Review's Linux package (under
// linux/: metainfo, MIME type, icons, the installing Makefile) and the test
// that builds the package with `make package` and checks it as a desktop
// would use it. The package itself has no code.
package packaging
