package dados

import "io"

// ErrFimDaEpoca sinaliza o fim de uma época; é o io.EOF que o GoMLX espera.
var ErrFimDaEpoca = io.EOF
