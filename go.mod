module diglot

go 1.26

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/alecthomas/kong v1.17.0
	github.com/go-text/typesetting v0.3.5
	github.com/speedata/hyphenation v1.0.2
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/image v0.23.0
	golang.org/x/text v0.31.0
)
