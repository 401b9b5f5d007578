// Command check decodes documents into the exported Go types and encodes them again.
//
// It reads a manifest (a JSON list of {"type": "Name", "path": "file.json"}) and prints
// a JSON list with, for each document, {"ok": true, "output": <re-encoded JSON>} or
// {"ok": false, "error": "..."}. Decoding rejects unknown keys (DisallowUnknownFields).
// The map `types` (type name -> new value) is written next to this file by the test.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

type entry struct {
	Type string `json:"type"`
	Path string `json:"path"`
}

type result struct {
	OK     bool            `json:"ok"`
	Error  string          `json:"error,omitempty"`
	Output json.RawMessage `json:"output,omitempty"`
}

func check(e entry) result {
	newValue, ok := types[e.Type]
	if !ok {
		return result{Error: "no Go type for " + e.Type}
	}
	data, err := os.ReadFile(e.Path)
	if err != nil {
		return result{Error: err.Error()}
	}
	value := newValue()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(value); err != nil {
		return result{Error: err.Error()}
	}
	if dec.More() {
		return result{Error: "data after the document"}
	}
	out, err := json.Marshal(value)
	if err != nil {
		return result{Error: err.Error()}
	}
	return result{OK: true, Output: out}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: check MANIFEST")
		os.Exit(2)
	}
	manifest, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var entries []entry
	if err := json.Unmarshal(manifest, &entries); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	results := make([]result, 0, len(entries))
	for _, e := range entries {
		results = append(results, check(e))
	}
	out, err := json.Marshal(results)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Stdout.Write(out)
}
