module planner

go 1.26.8
