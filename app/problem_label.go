package app

import (
	"strconv"
	"strings"
)

// problemLabel names where a problem is as the form does: the fields'
// titles, a function by its name (“Function api › Memory”), another list's
// item by its number. A path the schema does not know keeps its JSON path.
func problemLabel(schema *Schema, doc any, problemPath string) string {
	p := parsePath(problemPath)
	var parts []string
	s := schema
	for i, st := range p {
		switch {
		case st.isIndex() && i > 0 && p[i-1].key == "functions":
			name, _ := get(doc, append(p[:i+1:i+1], step{key: "name"})).(string)
			if name == "" {
				name = "#" + strconv.Itoa(st.index+1)
			}
			parts[len(parts)-1] = "Function “" + name + "”"
		case st.isIndex():
			parts = append(parts, "item "+strconv.Itoa(st.index+1))
		default:
			if s != nil {
				s = s.Property(st.key)
			}
			if s == nil || s.Title == "" {
				return problemPath
			}
			parts = append(parts, s.Title)
		}
		if s != nil && st.isIndex() {
			s = s.Items
		}
	}
	return strings.Join(parts, " › ")
}
