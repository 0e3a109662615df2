package syslocale

import "testing"

func TestFix(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		wantName  string
		wantValue string
	}{
		{"C.UTF-8 in LANG", map[string]string{"LANG": "C.UTF-8"}, "LANGUAGE", "en"},
		{"POSIX with modifier", map[string]string{"LANG": "POSIX@euro"}, "LANGUAGE", "en"},
		{"LC_ALL wins over LANG", map[string]string{"LC_ALL": "C.utf8", "LANG": "de_DE.UTF-8"}, "LANGUAGE", "en"},
		{"LC_ALL real locale wins", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, "", ""},
		{"LC_MESSAGES before LANG", map[string]string{"LC_MESSAGES": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "LANGUAGE", "en"},
		{"plain C is read as English by Fyne", map[string]string{"LANG": "C"}, "", ""},
		{"plain POSIX", map[string]string{"LANG": "POSIX"}, "", ""},
		{"LANGUAGE already set", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de"}, "", ""},
		{"real locale", map[string]string{"LANG": "en_US.UTF-8"}, "", ""},
		{"nothing set", map[string]string{}, "", ""},
		{"language starting with C", map[string]string{"LANG": "Ca_ES.UTF-8"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name, value := Fix(func(k string) string { return tt.env[k] })
			if name != tt.wantName || value != tt.wantValue {
				t.Errorf("Fix(%v) = %q, %q; want %q, %q", tt.env, name, value, tt.wantName, tt.wantValue)
			}
		})
	}
}
