module github.com/ossf-tests/osv-e2e

go 1.19

require github.com/gogo/protobuf v1.3.1

require github.com/ipfs/go-bitfield v1.0.0

require golang.org/x/image v0.4.0 // indirect
