// Command archive packs a release folder for `make dist`: a .tar.gz, or a
// .zip for Windows, holding the folder's files under the folder's own
// name. Every entry gets a fixed time, owner and mode (0755 for
// executables, 0644 otherwise), and entries are sorted, so that the same
// binaries give the same archive bytes on any build machine. tar and zip
// cannot promise that portably (GNU and BSD tar take different flags).
//
//	go run ./scripts/archive OUT.tar.gz|OUT.zip FOLDER
package main
