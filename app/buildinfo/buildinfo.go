// Package buildinfo names the application: its ID, which fixes where
// preferences and the database live, and its version.
package buildinfo

// ID is the reverse-DNS application ID. Never change it: preferences and the
// database live in a folder named after it.
const ID = "org.mediareview.MediaReview"

// Name is the application's display name.
const Name = "Media Review"

// Version is the application version; release builds may set it with
// -ldflags "-X mediareview/app/buildinfo.Version=…".
var Version = "0.1.0"
