//! The command line as clap reads it: the reader's options and every command with its
//! arguments (their doc comments are the help text).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::{analyse, at, codes, color, export};
use crate::annotation::{Color, Status};

/// gloss: read and annotate news briefs in the terminal.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about = None, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// A command instead of the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of the reader.
    #[command(flatten)]
    pub open: OpenArgs,
}

impl Cli {
    /// The process's arguments. `gloss` alone and `gloss PATH`, the reader's commonest starts,
    /// are read without clap: building clap's description of every command was a tenth of
    /// the work before the first frame. Anything else goes to clap, and so does a PATH that
    /// clap would read otherwise (an option, `-`, a command's name, an empty word).
    pub fn read() -> Result<Self, clap::Error> {
        let mut args = std::env::args_os().skip(1);
        match (args.next(), args.next()) {
            (None, _) => Ok(Self::reader(None)),
            (Some(path), None) if Self::plain_path(&path) => Ok(Self::reader(Some(path.into()))),
            _ => Self::try_parse(),
        }
    }

    /// Whether clap reads the one word `arg` as the brief to open, and nothing else.
    fn plain_path(arg: &std::ffi::OsStr) -> bool {
        let bytes = arg.as_encoded_bytes();
        !bytes.is_empty()
            && !bytes.starts_with(b"-")
            && !COMMANDS.iter().any(|c| c.as_bytes() == bytes)
    }

    /// What clap makes of `gloss` with no option and at most the brief to open.
    fn reader(file: Option<PathBuf>) -> Self {
        Self {
            command: None,
            open: OpenArgs {
                file,
                width: DEFAULT_WIDTH,
                annotations: None,
                theme: None,
                at: None,
            },
        }
    }
}

/// The text column's widest default.
const DEFAULT_WIDTH: u16 = 80;

/// Every word clap reads as a command (`help` included); a test checks it against clap.
const COMMANDS: &[&str] = &[
    "annotate",
    "import",
    "themes",
    "cat",
    "merge-driver",
    "merge",
    "completions",
    "man",
    "git",
    "keys",
    "notes",
    "search",
    "tags",
    "codes",
    "analyse",
    "export",
    "import-annotations",
    "diff",
    "gc",
    "list",
    "help",
];

/// Opening a brief in the reader.
#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The brief to open (plain text; Markdown if it ends in .md; a web page's article if it
    /// ends in .html or .htm; `-` reads it from standard input), or a folder of briefs to open
    /// as a library. Without one, gloss opens its bundled sample brief.
    pub file: Option<PathBuf>,
    /// Widest text column, in terminal columns.
    #[arg(long, default_value_t = DEFAULT_WIDTH, value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,
    /// The annotations file (default: FILE.gloss.toml beside the brief).
    #[arg(long, value_name = "PATH")]
    pub annotations: Option<PathBuf>,
    /// A theme by name (see `gloss themes`) or a theme file's path.
    #[arg(long, value_name = "NAME|PATH")]
    pub theme: Option<String>,
    /// Open at an annotation (its id, as exports print it) or at a percentage (40%).
    #[arg(long, value_name = "ID|N%", value_parser = at::parse)]
    pub at: Option<at::At>,
}

/// Commands for scripts.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Highlight a quote in a brief and print the new annotation's id.
    Annotate {
        /// The brief.
        file: PathBuf,
        /// The exact text to highlight (as in the normalised text).
        #[arg(long)]
        quote: String,
        /// Which occurrence, counting from 1.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        nth: u32,
        /// yellow, green, blue, red or purple.
        #[arg(long, default_value = "yellow", value_parser = parse_color)]
        color: Color,
        /// A tag (repeat for several).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// A note.
        #[arg(long)]
        note: Option<String>,
        /// Who wrote it (default: the config's `author`, else the login name).
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// How many seconds to wait for another gloss saving the same sidecar.
        #[arg(long, value_name = "SECONDS", default_value_t = 5.0, value_parser = parse_wait)]
        wait: f64,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Turn a web page (an http(s) address or a saved .html file) into a Markdown brief and
    /// print its path.
    Import {
        /// The page: an http:// or https:// address, or a saved page's file.
        source: String,
        /// The brief to write (default: named from the title, in the current folder or DIR).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The folder the brief named from its title goes into.
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        into: Option<PathBuf>,
        /// Give up on a fetch after this many seconds.
        #[arg(long, value_name = "SECONDS", default_value_t = 30,
              value_parser = clap::value_parser!(u64).range(1..=600))]
        timeout: u64,
    },
    /// List the themes (bundled and yours) with a preview.
    Themes {
        /// Colour the previews: auto (on a terminal), always or never.
        #[arg(long, value_enum, default_value = "auto")]
        color: color::ColorMode,
    },
    /// Print a brief for a pipe or a pager: wrapped, highlights in the theme's colours on a
    /// terminal, notes as numbered footnotes.
    Cat {
        /// The brief.
        file: PathBuf,
        /// Columns to wrap to (default: the terminal's, else 80).
        #[arg(long, value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
        /// Print the normalised text only.
        #[arg(long)]
        plain: bool,
        /// Colour: auto (on a terminal), always or never.
        #[arg(long, value_enum, default_value = "auto")]
        color: color::ColorMode,
        /// A theme by name or a theme file's path.
        #[arg(long, value_name = "NAME|PATH")]
        theme: Option<String>,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Git's merge driver for sidecars (`gloss git install` sets it up): merges %O and %B
    /// into %A; exits 1 when a note was edited on both sides.
    #[command(name = "merge-driver")]
    MergeDriver {
        /// %O: the common ancestor.
        base: PathBuf,
        /// %A: this branch's version, replaced by the merge.
        ours: PathBuf,
        /// %B: the other branch's version.
        theirs: PathBuf,
        /// %P: the sidecar's path in the repository, for messages.
        name: Option<String>,
    },
    /// Fold the conflict copies a sync tool left beside a brief's sidecar back into it
    /// (keeping a .bak), then remove the copies merged.
    Merge {
        /// The brief.
        file: PathBuf,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Print a shell completion script: `gloss completions bash > /etc/bash_completion.d/gloss`.
    Completions {
        /// bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `gloss man | man -l -`.
    Man,
    /// Set git up to merge sidecars with gloss.
    Git {
        /// What to do.
        #[command(subcommand)]
        command: GitCommand,
    },
    /// Print the keymap in effect: the default with your keymap.toml merged over it.
    Keys,
    /// Print every annotation of every brief under a folder, grouped by brief.
    Notes {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Only annotations with this tag or a tag under it (repeat: all of them).
        #[arg(long = "tag", value_name = "TAG")]
        tags: Vec<String>,
        /// Only this colour.
        #[arg(long, value_parser = parse_color)]
        color: Option<Color>,
        /// Only this status: exact, moved, fuzzy or orphaned.
        #[arg(long, value_parser = parse_status)]
        status: Option<Status>,
        /// Only annotations whose quote, note or tags contain this text (ignoring case).
        #[arg(long)]
        text: Option<String>,
        /// Only annotations by this author (ignoring case).
        #[arg(long)]
        author: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Search every brief under a folder: their text and their annotations' quotes, notes
    /// and tags (smart case; #tag, color:C and author:NAME in the query narrow it).
    Search {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// What to find.
        query: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Read every brief and sidecar instead of using (and updating) the library's
        /// search index in the data folder.
        #[arg(long)]
        no_index: bool,
    },
    /// Print every tag used under a folder, with its annotations and briefs (a tag counts
    /// toward its parents); or rename one everywhere.
    Tags {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Print JSON instead of text.
        #[arg(long, conflicts_with = "rename")]
        json: bool,
        /// Rename tag OLD (and the tags under it) to NEW in every sidecar under the folder,
        /// merging into NEW where it is already used.
        #[arg(long, num_args = 2, value_names = ["OLD", "NEW"])]
        rename: Option<Vec<String>>,
    },
    /// Print the codebook of a folder (codebook.toml at its root) as a tree with counts, and
    /// the tags in use that are not codes; or change it, and every sidecar with it.
    Codes {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Add the codes of a REFI-QDA codebook (.qdc) by name: new names are added, codes
        /// already there get the description and colour they lack.
        #[arg(long, value_name = "FILE.qdc", conflicts_with = "json")]
        import: Option<PathBuf>,
        /// What to change.
        #[command(subcommand)]
        change: Option<codes::Change>,
    },
    /// Analyse the codes of a folder: the code x brief matrix, code co-occurrence, the
    /// timeline by published date, or the agreement of two coders.
    Analyse {
        /// The folder (subfolders too).
        dir: PathBuf,
        /// Which analysis.
        #[arg(long, value_enum)]
        view: analyse::View,
        /// The output format (JSON always names codes in full).
        #[arg(long, value_enum, default_value = "table")]
        format: analyse::Format,
        /// Name codes in full instead of folding them onto their top-level parent.
        #[arg(long)]
        unfold: bool,
        /// Fold codes onto their first DEPTH levels (default 1: `frame/conflict/war` counts
        /// as `frame`; 2: as `frame/conflict`); a segment counts once per folded code.
        #[arg(long, value_name = "DEPTH", conflicts_with = "unfold",
              value_parser = clap::value_parser!(u16).range(1..))]
        fold: Option<u16>,
        /// Only this code and the codes under it.
        #[arg(long, value_name = "C")]
        code: Option<String>,
        /// Only segments by this author.
        #[arg(long, value_name = "A")]
        author: Option<String>,
        /// The timeline's periods.
        #[arg(long, value_enum, default_value = "month")]
        by: crate::analysis::timeline::By,
        /// Co-occurrence: highlights in the same paragraph meet too.
        #[arg(long)]
        paragraph: bool,
        /// Agreement: the two coders, as A,B.
        #[arg(long, value_name = "A,B", value_parser = analyse::parse_authors)]
        authors: Option<(String, String)>,
    },
    /// Export a brief's annotations, or every brief's under a folder: Markdown notes, W3C
    /// or Hypothesis JSON, an HTML page, JSON as `list --json`, or Readwise CSV.
    Export {
        /// The brief, or a folder of briefs.
        path: PathBuf,
        /// The format.
        #[arg(long, value_enum)]
        format: export::Format,
        /// Write here instead of standard output (a folder, for a folder's Markdown or HTML).
        #[arg(short = 'o', long, value_name = "OUT")]
        out: Option<PathBuf>,
        /// How Markdown groups the highlights.
        #[arg(long, value_enum, default_value = "none")]
        group_by: export::Grouping,
        /// A minijinja template instead of Markdown's own layout.
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// The theme whose colours and colour names to use.
        #[arg(long, value_name = "NAME|PATH")]
        theme: Option<String>,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Read W3C or Hypothesis annotations (JSON) onto a brief, placed in its text as it is
    /// now; annotations already there are skipped.
    ImportAnnotations {
        /// The brief.
        file: PathBuf,
        /// The JSON file: a W3C AnnotationCollection, page or annotation, or Hypothesis's
        /// export.
        #[arg(long, value_name = "FILE.json")]
        from: PathBuf,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
    /// Show what changed in a brief since its annotations were placed, word by word, with the
    /// annotations each change touches.
    Diff {
        /// The brief.
        file: PathBuf,
        /// No colours, even on a terminal: deletions as [-old-], insertions as {+new+}.
        #[arg(long)]
        plain: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
        /// List every version of the brief's text seen (first seen, size, sha256, and how
        /// many annotations moved, went to review or were orphaned at that step).
        #[arg(long, conflicts_with = "plain")]
        versions: bool,
    },
    /// Delete the snapshots of old texts that no sidecar refers to any longer (the sidecars
    /// gloss has saved, and those under each DIR given).
    Gc {
        /// Folders whose sidecars count too (subfolders included).
        dirs: Vec<PathBuf>,
    },
    /// Print a brief's annotations in document order, placed in its current text.
    List {
        /// The brief.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The annotations file (default: FILE.gloss.toml beside the brief).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
}

/// `gloss git ...`.
#[derive(Debug, Subcommand)]
pub enum GitCommand {
    /// Add `*.gloss.toml merge=gloss` to .gitattributes and the driver to .git/config (both
    /// only when missing).
    Install {
        /// A folder in the repository (default: the current one).
        dir: Option<PathBuf>,
        /// Write to your own git config and attributes file instead of the repository's.
        #[arg(long, conflicts_with = "dir")]
        global: bool,
    },
}

fn parse_status(s: &str) -> Result<Status, String> {
    s.parse()
        .map_err(|_| format!("unknown status {s:?} (use exact, moved, fuzzy or orphaned)"))
}

pub(super) fn parse_color(s: &str) -> Result<Color, String> {
    s.parse()
        .map_err(|_| format!("unknown colour {s:?} (use yellow, green, blue, red or purple)"))
}

/// `--wait`: seconds, from 0 to a day.
fn parse_wait(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(secs) if (0.0..=86_400.0).contains(&secs) => Ok(secs),
        _ => Err(format!("{s:?} is not a number of seconds from 0 to 86400")),
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_commands_read_without_clap_are_every_word_clap_reads_as_a_command() {
        let command = Cli::command();
        let mut clap: Vec<&str> = command
            .get_subcommands()
            .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
            .chain(["help"])
            .collect();
        let mut ours = COMMANDS.to_vec();
        clap.sort_unstable();
        ours.sort_unstable();
        assert_eq!(ours, clap);
    }

    #[test]
    fn a_plain_path_reads_as_clap_reads_it_and_anything_else_goes_to_clap() {
        let parsed = |args: &[&str]| format!("{:?}", Cli::try_parse_from(args).unwrap());
        assert_eq!(parsed(&["gloss"]), format!("{:?}", Cli::reader(None)));
        for path in [
            "brief.txt",
            "seeds/",
            "a b.md",
            "list.txt",
            "./list",
            "ñ",
            "x=1",
        ] {
            assert!(Cli::plain_path(OsStr::new(path)), "{path}");
            let ours = Cli::reader(Some(PathBuf::from(path)));
            assert_eq!(parsed(&["gloss", path]), format!("{ours:?}"), "{path}");
        }
        for word in ["-", "--version", "-h", "list", "help", "merge-driver", ""] {
            assert!(!Cli::plain_path(OsStr::new(word)), "{word:?}");
        }
    }
}
