package main

import (
	"bytes"
	"os"
	"testing"
)

// TestSchemaUpToDate fails when schemas/scenario.json differs from what the
// model's types generate: run `make schemas`.
func TestSchemaUpToDate(t *testing.T) {
	t.Chdir("../..")
	want, err := Generate()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("schemas/scenario.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("schemas/scenario.json is out of date with the model's types; run `make schemas`")
	}
}
