// Package jsonin reads JSON input the way the planner reports its
// problems: field by field into typed defaults, every problem with its
// JSON path (values of the wrong type, unknown keys, keys given twice,
// text that is not UTF-8, UTF-16 named), and the list of problems itself.
package jsonin
