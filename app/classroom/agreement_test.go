package classroom

import (
	"math"
	"testing"
)

func TestAgreement(t *testing.T) {
	tests := []struct {
		name           string
		table          Table
		po, kappa, ac1 float64
	}{
		{
			// A 2×2 table of 50 items (yes/no): 20 yes–yes, 5 yes–no,
			// 10 no–yes, 15 no–no.
			// po = 35/50 = 0.7. Rater A says yes 25/50 = 0.5, rater B 30/50 = 0.6.
			// kappa: pe = 0.5·0.6 + 0.5·0.4 = 0.5; (0.7−0.5)/(1−0.5) = 0.4.
			// AC1: π_yes = (0.5+0.6)/2 = 0.55, π_no = 0.45;
			// pe = (0.55·0.45 + 0.45·0.55)/(2−1) = 0.495; (0.7−0.495)/0.505 = 0.405940…
			name:  "2x2 textbook",
			table: Table{{20, 5}, {10, 15}},
			po:    0.7, kappa: 0.4, ac1: 0.205 / 0.505,
		},
		{
			// Gwet's kappa paradox: 125 items, 118 yes–yes, 5 yes–no, 2 no–yes, 0 no–no.
			// po = 118/125 = 0.944. A yes = 123/125 = 0.984, B yes = 120/125 = 0.96.
			// kappa: pe = 0.984·0.96 + 0.016·0.04 = 0.94528;
			// (0.944−0.94528)/(1−0.94528) = −0.00128/0.05472 = −0.023391…
			// AC1: π_yes = 0.972, π_no = 0.028; pe = 2·0.972·0.028 = 0.054432;
			// (0.944−0.054432)/(1−0.054432) = 0.889568/0.945568 = 0.940777…
			name:  "high agreement, skewed",
			table: Table{{118, 5}, {2, 0}},
			po:    0.944, kappa: -0.00128 / 0.05472, ac1: 0.889568 / 0.945568,
		},
		{
			// Four labels, 10 items: diagonal 3,2,2,1 and two errors
			// (row 0→col 1, row 3→col 2). po = 8/10 = 0.8.
			// Row (key) shares: 0.4, 0.2, 0.2, 0.2. Column shares: 0.3, 0.3, 0.3, 0.1.
			// kappa: pe = 0.12+0.06+0.06+0.02 = 0.26; (0.8−0.26)/0.74 = 0.729729…
			// AC1: π = 0.35, 0.25, 0.25, 0.15; Σπ(1−π) = 0.2275+0.1875+0.1875+0.1275 = 0.73;
			// pe = 0.73/3 = 0.243333…; (0.8−0.243333)/(1−0.243333) = 0.556667/0.756667 = 0.735683…
			name:  "four labels",
			table: Table{{3, 1, 0, 0}, {0, 2, 0, 0}, {0, 0, 2, 0}, {0, 0, 1, 1}},
			po:    0.8, kappa: 0.54 / 0.74, ac1: (0.8 - 0.73/3) / (1 - 0.73/3),
		},
		{
			// Everything in one category by both: kappa undefined (pe = 1);
			// AC1 with q = 4: π = 1,0,0,0 so pe = 0 and AC1 = po = 1.
			name:  "one category only",
			table: Table{{5, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}},
			po:    1, kappa: math.NaN(), ac1: 1,
		},
		{
			name:  "empty",
			table: NewTable(4),
			po:    math.NaN(), kappa: math.NaN(), ac1: math.NaN(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check := func(what string, got, want float64) {
				t.Helper()
				if math.IsNaN(want) != math.IsNaN(got) || (!math.IsNaN(want) && math.Abs(got-want) > 1e-9) {
					t.Errorf("%s = %v, want %v", what, got, want)
				}
			}
			check("po", tt.table.PercentAgreement(), tt.po)
			check("kappa", tt.table.CohenKappa(), tt.kappa)
			check("AC1", tt.table.GwetAC1(), tt.ac1)
		})
	}
}
