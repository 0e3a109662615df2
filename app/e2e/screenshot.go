package e2e

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/bits"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Settling: Screenshot waits until settleSame grabs in a row, half a second
// apart, are identical (a slow -race start shows a loading screen for a
// while), but takes at most settleShots grabs: an endless animation only
// ends the wait.
const (
	settleSame  = 6
	settleShots = 120
)

// Screenshot grabs a window once it has stopped changing, saves it as
// window.png in dir, and returns it.
func (a *App) Screenshot(t testing.TB, id, dir string) *image.RGBA {
	t.Helper()
	img := a.grab(t, id)
	for shot, same := 0, 0; shot < settleShots && same < settleSame; shot++ {
		time.Sleep(500 * time.Millisecond)
		next := a.grab(t, id)
		if bytes.Equal(next.Pix, img.Pix) && next.Rect == img.Rect {
			same++
		} else {
			same = 0
		}
		img = next
	}
	if err := SavePNG(filepath.Join(dir, "window.png"), img); err != nil {
		t.Fatal(err)
	}
	return img
}

func (a *App) grab(t testing.TB, id string) *image.RGBA {
	t.Helper()
	cmd := exec.Command("xwd", "-silent", "-id", id)
	cmd.Env = []string{"DISPLAY=" + a.Display}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("xwd -id %s: %v", id, err)
	}
	img, err := DecodeXWD(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("screenshot of window %s: %v", id, err)
	}
	return img
}

// SavePNG writes img to path.
func SavePNG(path string, img image.Image) error {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("save screenshot: %w", err)
	}
	return nil
}

// CheckDrawn fails the test when a screenshot of a window looks blank: too
// small, too few colours, or dark although the tests ask for the light
// theme.
func CheckDrawn(t testing.TB, shot image.Image) {
	t.Helper()
	if b := shot.Bounds(); b.Dx() < 200 || b.Dy() < 150 {
		t.Errorf("window is %v, too small to show an article", b)
	}
	if n := Colours(shot); n < 16 {
		t.Errorf("screenshot has %d colours: the window looks blank", n)
	}
	if l := Brightness(shot); l < 0.5 {
		t.Errorf("screenshot brightness %.2f: FYNE_THEME=light was not applied or nothing was drawn", l)
	}
}

// Colours counts the distinct colours in img. A drawn window has text,
// borders and anti-aliasing: hundreds. A blank or black one has one or two.
func Colours(img image.Image) int {
	seen := map[color.RGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 255}] = true
		}
	}
	return len(seen)
}

// Brightness is the mean luminance of img, from 0 (black) to 1 (white).
func Brightness(img image.Image) float64 {
	b := img.Bounds()
	if b.Empty() {
		return 0
	}
	sum := 0.0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			sum += float64(color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y) / 255
		}
	}
	return sum / float64(b.Dx()*b.Dy())
}

// xwdHeader is the fixed part of an X Window Dump, all big-endian uint32.
type xwdHeader struct {
	HeaderSize, Version, Format, Depth, Width, Height, XOffset, ByteOrder,
	BitmapUnit, BitmapBitOrder, BitmapPad, BitsPerPixel, BytesPerLine,
	VisualClass, RedMask, GreenMask, BlueMask, BitsPerRGB, ColormapEntries,
	NColors, WindowWidth, WindowHeight, WindowX, WindowY, BorderWidth uint32
}

const (
	xwdVersion  = 7
	xwdZPixmap  = 2
	xwdMaxSide  = 1 << 14
	xwdColorLen = 12
)

// DecodeXWD reads the TrueColor ZPixmap dumps that xwd makes of a window
// (24 or 32 bits per pixel). It refuses anything else with an error.
func DecodeXWD(r *bytes.Reader) (*image.RGBA, error) {
	var h xwdHeader
	if err := binary.Read(r, binary.BigEndian, &h); err != nil {
		return nil, fmt.Errorf("xwd header: %w", err)
	}
	if err := h.check(); err != nil {
		return nil, err
	}
	skip := int64(h.HeaderSize) - int64(binary.Size(h)) + int64(h.NColors)*xwdColorLen
	if _, err := r.Seek(skip, 1); err != nil || r.Len() < int(h.BytesPerLine*h.Height) {
		return nil, errors.New("xwd: image data is cut short")
	}
	data := make([]byte, h.BytesPerLine*h.Height)
	_, _ = r.Read(data)
	img := image.NewRGBA(image.Rect(0, 0, int(h.Width), int(h.Height)))
	step := int(h.BitsPerPixel / 8)
	for y := 0; y < int(h.Height); y++ {
		line := data[y*int(h.BytesPerLine):]
		for x := 0; x < int(h.Width); x++ {
			p := pixel(line[x*step:x*step+step], h.ByteOrder)
			img.SetRGBA(x, y, color.RGBA{channel(p, h.RedMask), channel(p, h.GreenMask), channel(p, h.BlueMask), 255})
		}
	}
	return img, nil
}

func (h xwdHeader) check() error {
	switch {
	case h.Version != xwdVersion:
		return fmt.Errorf("xwd: version %d, want %d", h.Version, xwdVersion)
	case h.Format != xwdZPixmap:
		return fmt.Errorf("xwd: pixmap format %d, want ZPixmap", h.Format)
	case h.BitsPerPixel != 24 && h.BitsPerPixel != 32:
		return fmt.Errorf("xwd: %d bits per pixel, want 24 or 32", h.BitsPerPixel)
	case h.Width == 0 || h.Height == 0 || h.Width > xwdMaxSide || h.Height > xwdMaxSide:
		return fmt.Errorf("xwd: size %dx%d out of range", h.Width, h.Height)
	case h.BytesPerLine < h.Width*h.BitsPerPixel/8 || h.BytesPerLine > 4*xwdMaxSide+64:
		return fmt.Errorf("xwd: %d bytes per line for %d pixels", h.BytesPerLine, h.Width)
	case h.HeaderSize < uint32(binary.Size(h)) || h.HeaderSize > 1<<16 || h.NColors > 1<<16:
		return fmt.Errorf("xwd: header of %d bytes with %d colours", h.HeaderSize, h.NColors)
	case h.RedMask == 0 || h.GreenMask == 0 || h.BlueMask == 0:
		return errors.New("xwd: not a TrueColor image")
	}
	return nil
}

// pixel reads one pixel value in the dump's byte order (0 = LSB first).
func pixel(b []byte, order uint32) uint32 {
	var p uint32
	for i := range b {
		if order == 0 {
			p |= uint32(b[i]) << (8 * i)
		} else {
			p = p<<8 | uint32(b[i])
		}
	}
	return p
}

// channel scales the bits of p under mask to 0..255.
func channel(p, mask uint32) uint8 {
	v := uint64(p&mask) >> bits.TrailingZeros32(mask)
	top := uint64(mask) >> bits.TrailingZeros32(mask)
	return uint8(v * 255 / top)
}
