package stem_test

import (
	"fmt"

	"github.com/reputekit/repute/internal/stem"
)

func ExampleRussian() {
	for _, w := range []string{"доставка", "доставки", "доставкой", "понравилось", "понравился"} {
		fmt.Println(w, stem.Russian(w))
	}
	// Output:
	// доставка доставк
	// доставки доставк
	// доставкой доставк
	// понравилось понрав
	// понравился понрав
}

func ExampleLithuanian() {
	for _, w := range []string{"pristatymas", "pristatymo", "pristatymą", "greitą", "greita"} {
		fmt.Println(w, stem.Lithuanian(w))
	}
	// Output:
	// pristatymas pristat
	// pristatymo pristat
	// pristatymą pristat
	// greitą greit
	// greita greit
}

func ExampleEnglish() {
	for _, w := range []string{"arrived", "arrive", "running", "generously"} {
		fmt.Println(w, stem.English(w))
	}
	// Output:
	// arrived arriv
	// arrive arriv
	// running run
	// generously generous
}

func ExampleFoldLithuanian() {
	fmt.Println(stem.FoldLithuanian(stem.Lithuanian("gražus")), stem.Lithuanian("grazus"))
	// Output:
	// graz graz
}
