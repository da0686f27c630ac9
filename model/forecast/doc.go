// Package forecast forecasts invocation counts and finds what their pattern
// does not explain. Series are counts per period (hours, or minutes) with a
// season of m periods (24 for hourly data: a day).
//
// # Forecasting (Make)
//
// Seven methods, compared by rolling-origin backtests (BacktestOrigins = 3
// origins, fewer in histories too short for the weekly naive to be tested
// from three; every method on the same origins):
//
//	seasonal naive          ŷ_{t+k} = y_{t+k−m}            (daily; weekly with m·7)
//	weekly mean             mean of the same period over the last 4 weeks
//	recent days             f_{d,h} = median_e ((y_{e,h} + 1)·L(d,e,h)) − 1, the last seven
//	                        days rescaled by how their weekdays compared a week before
//	Holt–Winters            level_t = α(y_t − s_{t−p}) + (1−α)(level_{t−1} + φ b_{t−1})
//	                        b_t = β(level_t − level_{t−1}) + (1−β) φ b_{t−1}
//	                        s_t = γ(y_t − level_t) + (1−γ) s_{t−p}
//	                        damped trend, daily or weekly season, additive or
//	                        multiplicative; α, β, γ, φ by Nelder–Mead on the
//	                        one-step squared error (200 iterations)
//
// "auto" picks the method with the lowest backtest MAE. The 95% interval is
// ŷ ± 1.96 σ_k, σ_k the standard deviation of the backtests' k-step errors.
// The backtest reports MAE, sMAPE, MASE (scaled by the seasonal naive's
// in-sample error) and MAPE where no actual is zero. The horizon is at most
// MaxDays seasons.
//
// # Anomalies (DetectAnomalies)
//
// Each point is scored against the median of the same period in the
// nearest other weeks, with one more vote from the same period on nearby
// days rescaled to the point's day:
//
//	score_t = (y_t − expected_t) / (1.4826 · MAD_rel,hour(t) · max(expected_t, 1) + 1)
//
// |score| > 4.5 is a spike or a drop; half a day or more of same-signed
// scores above 2.5 is a level shift; a day over 1.5× the day before is the
// spec's 50% daily-increase alert. Medians keep anomalies from hiding each
// other, and local comparisons keep a trend from reading as an anomaly.
//
// SyntheticHistory makes weeks of hourly counts from a day profile (weekend
// share, multiplicative noise, seeded) for a function without measurements.
//
// Validated by tests: a clean synthetic history forecasts with MASE below 1;
// injected spikes, drops and level shifts are found and nothing else.
//
// Sources: Hyndman & Athanasopoulos, Forecasting: Principles and Practice
// (Holt–Winters, seasonal naive, MASE, rolling-origin evaluation).
package forecast
