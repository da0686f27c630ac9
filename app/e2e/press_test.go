//go:build e2e

package e2e

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// press clicks the element sel finds once it is visible and enabled, as a
// user's click would (a user gesture), but on the element rather than at
// a point on the screen. A pointer click at the element's position misses
// when the page moves between finding the element and clicking (a help
// text shrinking above a checkbox after an edit), and a click on a button
// the page is about to enable (an export button re-enabled by the render
// after the previous download) is lost: both showed as a page that never
// answered.
func press(sel string, by chromedp.QueryOption) chromedp.Action {
	return chromedp.Tasks{
		chromedp.WaitVisible(sel, by),
		chromedp.WaitEnabled(sel, by),
		chromedp.QueryAfter(sel, func(ctx context.Context, _ runtime.ExecutionContextID, nodes ...*cdp.Node) error {
			if len(nodes) == 0 {
				return fmt.Errorf("nothing to press at %s", sel)
			}
			obj, err := dom.ResolveNode().WithNodeID(nodes[0].NodeID).Do(ctx)
			if err != nil {
				return err
			}
			defer runtime.ReleaseObject(obj.ObjectID).Do(ctx)
			return chromedp.CallFunctionOn(`function () { this.scrollIntoView({block: "center"}); this.click(); }`, nil,
				func(p *runtime.CallFunctionOnParams) *runtime.CallFunctionOnParams {
					return p.WithObjectID(obj.ObjectID).WithUserGesture(true)
				}).Do(ctx)
		}, by),
	}
}
