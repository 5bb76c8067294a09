module x

go 1.21

require (
  a.b/c v1.0.0
