package spec

// CheckoutDayRequests is the spec's checkout traffic, requests per hour over
// a day (hour 0 first): the cold-start model's worked example and the shape
// of a retail day.
func CheckoutDayRequests() [24]float64 {
	return [24]float64{50, 30, 20, 15, 20, 40, 80, 150, 200, 250, 280, 300,
		320, 350, 400, 450, 500, 600, 700, 500, 300, 200, 100, 70}
}
