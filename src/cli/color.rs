//! `--color auto|always|never`: whether a command's output carries colour escapes. `auto`
//! colours only a terminal, so `gloss themes | less` and `gloss cat FILE > out` get text.

use std::io::IsTerminal;

use clap::ValueEnum;

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorMode {
    /// When standard output is a terminal.
    #[default]
    Auto,
    /// Always (for `less -R`).
    Always,
    /// Never.
    Never,
}

impl ColorMode {
    /// True when output is to be coloured.
    pub fn on(self) -> bool {
        match self {
            Self::Auto => std::io::stdout().is_terminal(),
            Self::Always => true,
            Self::Never => false,
        }
    }
}
