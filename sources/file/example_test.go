package file_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/reputekit/repute/sources"
	"github.com/reputekit/repute/sources/file"
)

func ExampleRead() {
	csv := `id,stars,text,date
r1,5,Fast delivery,2026-03-01
r2,six,Broken rating,2026-03-02
r3,2,Too small,2026-03-03 14:00:00
`
	for rv, err := range file.Read(context.Background(), strings.NewReader(csv), "export.csv", file.CSV, sources.Query{}) {
		if err != nil {
			fmt.Println("skipped:", err)
			continue
		}
		fmt.Println(rv.ID, rv.Rating, rv.CreatedAt.Format("2006-01-02 15:04"))
	}
	// Output:
	// file:r1 5 2026-03-01 00:00
	// skipped: sources: file: decode page export.csv item 3 (id "r2"): rating "six" is not a number
	// file:r3 2 2026-03-03 14:00
}
