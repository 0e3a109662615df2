#!/bin/sh
# install-deps.sh installs what building, testing or packaging Media Review
# needs and is missing; it is a quick no-op when everything is there.
#
#   scripts/install-deps.sh [build] [test] [icon]
#
#   build  C compiler, pkg-config, OpenGL and X11 headers (Fyne needs them)
#   test   also Xvfb, xdotool and xwd (real-window tests), desktop-file-utils,
#          appstream, shared-mime-info and xz (package tests)
#   icon   also rsvg-convert (only to redraw the icon PNGs from the SVG)
#
# Debian/Ubuntu (apt), Fedora (dnf), Arch (pacman) and macOS (Xcode command
# line tools). It uses sudo when not run as root and says what it installs.
# shellcheck disable=SC2086 # package lists are split into words on purpose
set -eu

groups=${*:-build}
missing=""

need() { missing="$missing $1"; }
have() { command -v "$1" >/dev/null 2>&1; }

check_build() {
	have "${CC:-gcc}" || need cc
	[ "$(uname -s)" = Darwin ] && return
	have pkg-config || need pkgconfig
	pkg-config --exists gl 2>/dev/null || need gl
	pkg-config --exists x11 xcursor xrandr xinerama xi xxf86vm 2>/dev/null || need x11
}

check_test() {
	[ "$(uname -s)" = Darwin ] && return
	have Xvfb || need xvfb
	have xdotool || need xdotool
	have xwd || need xwd
	have desktop-file-validate || need desktopfile
	have appstreamcli || need appstream
	have update-mime-database || need mimeinfo
	have xz || need xz
	# Xvfb draws OpenGL in software with Mesa's swrast driver.
	for f in /usr/lib/*/dri/swrast_dri.so /usr/lib*/dri/swrast_dri.so; do
		[ -e "$f" ] && return
	done
	need dri
}

check_icon() { have rsvg-convert || need rsvg; }

# packages NEED... maps what is missing to the system's package names.
packages() {
	for n in "$@"; do
		case "$os:$n" in
		apt:cc) echo gcc libc6-dev ;;
		apt:pkgconfig) echo pkg-config ;;
		apt:gl) echo libgl1-mesa-dev ;;
		apt:x11) echo xorg-dev ;;
		apt:xvfb) echo xvfb ;;
		apt:xwd) echo x11-apps ;;
		apt:desktopfile) echo desktop-file-utils ;;
		apt:xz) echo xz-utils ;;
		apt:dri) echo libgl1-mesa-dri ;;
		apt:rsvg) echo librsvg2-bin ;;
		dnf:cc) echo gcc ;;
		dnf:pkgconfig) echo pkgconf-pkg-config ;;
		dnf:gl) echo mesa-libGL-devel ;;
		dnf:x11) echo libXcursor-devel libXrandr-devel libXi-devel libXinerama-devel libXxf86vm-devel ;;
		dnf:xvfb) echo xorg-x11-server-Xvfb ;;
		dnf:dri) echo mesa-dri-drivers ;;
		dnf:rsvg) echo librsvg2-tools ;;
		pacman:cc) echo gcc ;;
		pacman:pkgconfig) echo pkgconf ;;
		pacman:gl | pacman:dri) echo mesa ;;
		pacman:x11) echo libxcursor libxrandr libxinerama libxi libxxf86vm ;;
		pacman:xvfb) echo xorg-server-xvfb ;;
		pacman:xwd) echo xorg-xwd ;;
		pacman:rsvg) echo librsvg ;;
		*:desktopfile) echo desktop-file-utils ;;
		*:mimeinfo) echo shared-mime-info ;;
		*:xz) echo xz ;;
		*) echo "$n" ;; # xdotool, appstream: same name everywhere
		esac
	done | tr ' ' '\n' | sort -u | tr '\n' ' '
}

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif have sudo; then
		sudo "$@"
	else
		echo "install-deps: run as root or install sudo, then: $*" >&2
		exit 1
	fi
}

for g in $groups; do
	case $g in
	build) check_build ;;
	test) check_build && check_test ;;
	icon) check_icon ;;
	*) echo "install-deps: unknown group $g (build, test, icon)" >&2 && exit 2 ;;
	esac
done
[ -z "$missing" ] && exit 0
missing=$(echo $missing | tr ' ' '\n' | sort -u | tr '\n' ' ')

if [ "$(uname -s)" = Darwin ]; then
	echo "install-deps: installing the Xcode command line tools (a window will ask you to confirm)"
	xcode-select --install || true
	echo "install-deps: when that install finishes, run the same make command again" >&2
	exit 1
fi

if have apt-get; then
	os=apt
elif have dnf; then
	os=dnf
elif have pacman; then
	os=pacman
else
	echo "install-deps: missing: $missing; no apt-get, dnf or pacman here: install them by hand (see README)" >&2
	exit 1
fi

pkgs=$(packages $missing)
echo "install-deps: missing: $missing; installing with $os: $pkgs"
case $os in
apt)
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
	;;
dnf) as_root dnf install -y -q $pkgs ;;
pacman) as_root pacman -S --needed --noconfirm $pkgs ;;
esac
echo "install-deps: done"
