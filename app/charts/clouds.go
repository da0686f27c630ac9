package charts

import (
	"github.com/go-echarts/go-echarts/v2/opts"

	"planner/model/num"
	"planner/model/platform"
)

// CloudCosts plots each platform's monthly bill against the application's
// mean request rate at ×0.1 to ×100 today's traffic, on log–log axes. A
// month inside a platform's free tier costs $0, which a log axis cannot
// show: that point is a gap whose tooltip says so.
func CloudCosts(c platform.Comparison) string {
	o := newAxisChart("Monthly cost against traffic, by platform",
		opts.XAxis{Name: "Requests per second (mean)", Type: "log", NameLocation: "middle", NameGap: 30},
		opts.YAxis{Name: "USD/month", Type: "log"})
	names := map[string]string{}
	for _, r := range c.Platforms {
		names[r.Platform] = r.Name
	}
	for _, curve := range c.Curves {
		data := make([]opts.LineData, len(curve.MonthlyUSD))
		for i, usd := range curve.MonthlyUSD {
			rps := num.RoundSignificant(c.RequestsPerSecond[i], 4)
			if usd <= 0 {
				data[i] = opts.LineData{Value: []any{rps, "-"}}
				continue
			}
			data[i] = opts.LineData{Value: []any{rps, num.Round(usd, 2)}}
		}
		o.add(series{Name: names[curve.Platform], Type: "line", Data: data})
	}
	return o.json()
}
