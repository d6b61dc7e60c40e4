package dados

import "io"

// ErrFimDaEpoca sinaliza o fim de uma época (é o io.EOF).
var ErrFimDaEpoca = io.EOF
