package classroom

import "math"

// Table is an agreement table between two raters over the same items:
// Table[i][j] counts the items the first rater put in category i and the
// second in category j. It is square; its size is the number of categories
// on the scale, used or not.
type Table [][]int

// NewTable makes an empty q×q table.
func NewTable(q int) Table {
	t := make(Table, q)
	for i := range t {
		t[i] = make([]int, q)
	}
	return t
}

// margins returns the items, the observed agreement and each rater's share
// of every category.
func (t Table) margins() (n int, po float64, rows, cols []float64) {
	q := len(t)
	rows, cols = make([]float64, q), make([]float64, q)
	agree := 0
	for i := range t {
		for j, c := range t[i] {
			n += c
			rows[i] += float64(c)
			cols[j] += float64(c)
			if i == j {
				agree += c
			}
		}
	}
	if n == 0 {
		return 0, 0, rows, cols
	}
	for i := range rows {
		rows[i] /= float64(n)
		cols[i] /= float64(n)
	}
	return n, float64(agree) / float64(n), rows, cols
}

// PercentAgreement is the share of items both raters put in the same
// category, 0–1; NaN for an empty table.
func (t Table) PercentAgreement() float64 {
	n, po, _, _ := t.margins()
	if n == 0 {
		return math.NaN()
	}
	return po
}

// CohenKappa is Cohen's kappa, (po − pe)/(1 − pe) with pe = Σ pA(k)·pB(k).
// It is NaN when undefined: no items, or both raters used one and the
// same category for everything (pe = 1).
func (t Table) CohenKappa() float64 {
	n, po, rows, cols := t.margins()
	pe := 0.0
	for k := range rows {
		pe += rows[k] * cols[k]
	}
	if n == 0 || pe >= 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

// GwetAC1 is Gwet's first-order agreement coefficient (Gwet 2008),
// (po − pe)/(1 − pe) with pe = Σ πk(1 − πk)/(q − 1) and πk the two raters'
// mean share of category k. Unlike kappa it stays meaningful when one
// category dominates. NaN when there are no items or fewer than two
// categories.
func (t Table) GwetAC1() float64 {
	n, po, rows, cols := t.margins()
	q := len(t)
	if n == 0 || q < 2 {
		return math.NaN()
	}
	pe := 0.0
	for k := range rows {
		pi := (rows[k] + cols[k]) / 2
		pe += pi * (1 - pi)
	}
	pe /= float64(q - 1)
	return (po - pe) / (1 - pe)
}
