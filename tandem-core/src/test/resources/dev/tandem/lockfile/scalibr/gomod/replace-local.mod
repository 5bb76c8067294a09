require (
    golang.org/x/net v1.2.3
    github.com/BurntSushi/toml v1.0.0
)

replace (
    golang.org/x/net v1.2.3 => ./fork/net
)
