package model

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The domain packages under model/ are leaves: they import the standard
// library and other leaves only, never planner/model (which composes them)
// or planner/app; planner/model never imports planner/app.
func TestLeavesImportNoScenario(t *testing.T) {
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		leaf := filepath.Dir(path) != "."
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			checked++
			switch {
			case imp == "planner/app" || strings.HasPrefix(imp, "planner/app/"):
				t.Errorf("%s imports %s: the model never imports the app", path, imp)
			case leaf && imp == "planner/model":
				t.Errorf("%s imports planner/model: a domain package knows no scenario", path)
			case leaf && !strings.HasPrefix(imp, "planner/model/") && strings.Contains(strings.Split(imp, "/")[0], "."):
				t.Errorf("%s imports %s: a domain package imports the standard library and other domain packages only", path, imp)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Errorf("only %d imports checked: the walk missed the packages", checked)
	}
}
