#!/usr/bin/env bash
# package-linux.sh OUT.tar.xz builds Media Review's Linux package with the
# fyne tool ($FYNE; `make package` installs the pinned one) and adds what
# the fyne tool does not make: hicolor icons, AppStream metainfo, the
# .mrexercise MIME type and an installing Makefile.
#
# The fyne tool writes into the source folder (it injects a Go file while
# building and bumps Build in FyneApp.toml), so it works on a copy: the git
# tree stays clean.
set -euo pipefail

out=$(realpath -m "${1:?usage: package-linux.sh OUT.tar.xz}")
: "${FYNE:?set FYNE to the fyne tool: make package does}"
root=$(cd "$(dirname "$0")/.." && pwd)
id=org.mediareview.MediaReview
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The folder is named after the binary: fyne package names the executable
# after its source folder.
src=$work/mediareview
mkdir -p "$src"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	# tracked and new files of the working tree, not ignored ones (build/, dist/)
	(cd "$root" && git ls-files -z -c -o --exclude-standard |
		while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
		tar --null -T - -cf -) | tar -xf - -C "$src"
else
	(cd "$root" && tar --exclude=./build --exclude=./dist -cf - .) | tar -xf - -C "$src"
fi

echo "package: building the release binary with $("$FYNE" version 2>/dev/null | head -1)"
(cd "$src" && "$FYNE" package --os linux --release)
mkdir "$work/fyne"
tar -xJf "$src"/*.tar.xz -C "$work/fyne"
fyneroot=$(dirname "$(dirname "$(find "$work/fyne" -path '*/bin/mediareview' -type f)")")

version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' "$root/FyneApp.toml")
name=$(basename "$out" .tar.xz)
pkg=$work/stage/$name
lin=$root/packaging/linux
install -Dm0755 "$fyneroot/bin/mediareview" "$pkg/bin/mediareview"
# The fyne tool joins "%F" from [CanOpen] and ExecParams into "%F%F".
mkdir -p "$pkg/share/applications"
sed -e 's/^Exec=.*/Exec=mediareview %F/' "$fyneroot/share/applications/$id.desktop" \
	>"$pkg/share/applications/$id.desktop"
install -Dm0644 "$lin/$id.metainfo.xml" "$pkg/share/metainfo/$id.metainfo.xml"
install -Dm0644 "$lin/$id.mime.xml" "$pkg/share/mime/packages/$id.xml"
install -Dm0644 "$root/assets/icon.svg" "$pkg/share/icons/hicolor/scalable/apps/$id.svg"
install -Dm0644 "$root/assets/icon.png" "$pkg/share/icons/hicolor/512x512/apps/$id.png"
for s in 16 24 32 48 64 128 256; do
	install -Dm0644 "$lin/icons/$s.png" "$pkg/share/icons/hicolor/${s}x$s/apps/$id.png"
done
install -Dm0644 "$lin/Makefile" "$pkg/Makefile"
printf 'Media Review %s for Linux.\n\nsudo make install      (under /usr/local)\nmake user-install      (under ~/.local)\n' \
	"$version" >"$pkg/README.txt"

mkdir -p "$(dirname "$out")"
tar --sort=name --owner=0 --group=0 --numeric-owner -C "$work/stage" -cJf "$out" "$name"
echo "package: $out"
