package e2e

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"strings"
	"testing"
)

// encodeXWD writes img as xwd does on a little-endian TrueColor display.
func encodeXWD(img *image.RGBA, bitsPerPixel uint32, name string) []byte {
	w, h := uint32(img.Rect.Dx()), uint32(img.Rect.Dy())
	step := bitsPerPixel / 8
	perLine := (w*step + 3) &^ 3
	hdr := xwdHeader{
		HeaderSize: uint32(binary.Size(xwdHeader{}) + len(name) + 1), Version: xwdVersion, Format: xwdZPixmap,
		Depth: 24, Width: w, Height: h, BitsPerPixel: bitsPerPixel, BytesPerLine: perLine, VisualClass: 4,
		RedMask: 0xff0000, GreenMask: 0x00ff00, BlueMask: 0x0000ff, BitsPerRGB: 8, NColors: 2,
	}
	var buf bytes.Buffer
	_ = binary.Write(&buf, binary.BigEndian, hdr)
	buf.WriteString(name + "\x00")
	buf.Write(make([]byte, 2*xwdColorLen))
	for y := 0; y < int(h); y++ {
		line := make([]byte, perLine)
		for x := 0; x < int(w); x++ {
			c := img.RGBAAt(x, y)
			p := uint32(c.R)<<16 | uint32(c.G)<<8 | uint32(c.B)
			for i := uint32(0); i < step; i++ {
				line[uint32(x)*step+i] = byte(p >> (8 * i))
			}
		}
		buf.Write(line)
	}
	return buf.Bytes()
}

func testImage() *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 5, 3))
	for y := 0; y < 3; y++ {
		for x := 0; x < 5; x++ {
			img.SetRGBA(x, y, color.RGBA{uint8(50 * x), uint8(100 * y), uint8(7 * (x + y)), 255})
		}
	}
	return img
}

func TestDecodeXWD(t *testing.T) {
	want := testImage()
	for _, bpp := range []uint32{24, 32} {
		got, err := DecodeXWD(bytes.NewReader(encodeXWD(want, bpp, "window")))
		if err != nil {
			t.Fatalf("%d bpp: %v", bpp, err)
		}
		if !bytes.Equal(got.Pix, want.Pix) || got.Rect != want.Rect {
			t.Errorf("%d bpp: decoded pixels differ from the encoded image", bpp)
		}
	}
}

func TestDecodeXWDRefuses(t *testing.T) {
	good := encodeXWD(testImage(), 32, "w")
	patch := func(field int, v uint32) []byte {
		b := bytes.Clone(good)
		binary.BigEndian.PutUint32(b[4*field:], v)
		return b
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "header"},
		{"old version", patch(1, 6), "version"},
		{"XYPixmap", patch(2, 1), "format"},
		{"16 bits per pixel", patch(11, 16), "bits per pixel"},
		{"zero width", patch(4, 0), "size"},
		{"huge height", patch(5, 1<<20), "size"},
		{"short lines", patch(12, 4), "bytes per line"},
		{"palette visual", patch(14, 0), "TrueColor"},
		{"cut short", good[:len(good)-1], "cut short"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodeXWD(bytes.NewReader(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
}

func TestColoursAndBrightness(t *testing.T) {
	white := image.NewRGBA(image.Rect(0, 0, 4, 4))
	for i := range white.Pix {
		white.Pix[i] = 255
	}
	if n, l := Colours(white), Brightness(white); n != 1 || l != 1 {
		t.Errorf("white: %d colours, brightness %v; want 1, 1", n, l)
	}
	if n := Colours(testImage()); n != 15 {
		t.Errorf("test image: %d colours, want 15", n)
	}
	if l := Brightness(image.NewRGBA(image.Rect(0, 0, 2, 2))); l != 0 {
		t.Errorf("black: brightness %v, want 0", l)
	}
}

// FuzzDecodeXWD feeds the decoder broken dumps: it must return an error or
// an image of the size the header gives, never panic.
func FuzzDecodeXWD(f *testing.F) {
	f.Add(encodeXWD(testImage(), 24, "a"))
	f.Add(encodeXWD(testImage(), 32, ""))
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := DecodeXWD(bytes.NewReader(data))
		if err == nil && (img.Rect.Dx() == 0 || img.Rect.Dy() == 0) {
			t.Errorf("no error but an empty image")
		}
	})
}
