package jsonin

import "bytes"

// pacedListBytes is the size from which a list member of the top-level
// object is validated element by element.
const pacedListBytes = 64 << 10

// validPaced is json.Valid(data) (validJSON) in slices, calling pace
// between them (without a pace, at once): the elements of each long list
// member of a top-level object (a scenario's functions) are checked one by
// one, with the commas between them, and the rest of the text — those
// lists emptied — at once. A browser yields to the page in pace, where
// checking 2.5 MB at once was one long task.
func validPaced(data []byte, pace func()) bool {
	doc := bytes.TrimSpace(data)
	if pace == nil || len(doc) < pacedListBytes || doc[0] != '{' {
		return validJSON(data)
	}
	skeleton := make([]byte, 0, 4<<10)
	copied, ok := 0, true
	EachMember(doc, func(_ string, value []byte) {
		if !ok || len(value) < pacedListBytes || value[0] != '[' {
			return
		}
		at := cap(doc) - cap(value) // value is doc[at : at+len(value)]
		ok = validList(value, pace)
		skeleton = append(append(skeleton, doc[copied:at]...), "[]"...)
		copied = at + len(value)
	})
	return ok && validJSON(append(skeleton, doc[copied:]...))
}

// validList reports whether list is one valid JSON list: each element
// valid (pace called after each) and separated by commas.
func validList(list []byte, pace func()) bool {
	i := SkipSpace(list, 1)
	if i < len(list) && list[i] == ']' {
		return i+1 == len(list)
	}
	for i < len(list) {
		end, ok := validValue(list, i, 2) // in a list in the top-level object
		if !ok {
			return false
		}
		pace()
		i = SkipSpace(list, end)
		if i >= len(list) {
			return false
		}
		switch list[i] {
		case ']':
			return i+1 == len(list)
		case ',':
			i = SkipSpace(list, i+1)
		default:
			return false
		}
	}
	return false
}
