//! The pure update of the whole app: an event goes to the view it is for (input to the top
//! view, the terminal's size to every view, the answers of background work to the reader that
//! asked), and the view's effects come back. Views are a stack: leaving a view that has another
//! under it goes back to that one, leaving the last one leaves gloss.

use super::analysis::{self, Analysis};
use super::codebook::{self, Codes};
use super::effect::{Effect, Exit, Work};
use super::event::{Env, Event};
use super::hits::{self, Hits};
use super::jumps::Jumps;
use super::library::{self, Library};
use super::notes::{self, Notes};
use super::reader::{self, Reader};
use crate::input::{Action, Key, KeyCode, Keymap, Lookup, Mode, Modifiers};

/// One screen of gloss, with everything only it knows.
#[derive(Debug, Clone)]
pub enum View {
    /// A folder of briefs.
    Library(Box<Library>),
    /// Every annotation across a library.
    Notes(Box<Notes>),
    /// A library's codebook.
    Codebook(Box<Codes>),
    /// A library's analysis views.
    Analysis(Box<Analysis>),
    /// Search results across a library.
    Hits(Box<Hits>),
    /// One brief.
    Reader(Box<Reader>),
}

impl View {
    /// The keymap table that applies in this view now.
    pub fn mode(&self) -> Mode {
        match self {
            Self::Library(l) => l.mode(),
            Self::Notes(n) => n.mode(),
            Self::Codebook(c) => c.mode(),
            Self::Analysis(a) => a.mode(),
            Self::Hits(h) => h.mode(),
            Self::Reader(r) => r.mode(),
        }
    }

    fn update(&mut self, event: Event, env: &Env) -> Vec<Effect> {
        match self {
            Self::Library(l) => library::update(l, event, env),
            Self::Notes(n) => notes::update(n, event, env),
            Self::Codebook(c) => codebook::update(c, event, env),
            Self::Analysis(a) => analysis::update(a, event, env),
            Self::Hits(h) => hits::update(h, event, env),
            Self::Reader(r) => reader::update(r, event, env),
        }
    }
}

/// Every view gloss has open, the top one with the keys.
#[derive(Debug, Clone)]
pub struct App {
    /// Bottom first; never empty.
    views: Vec<View>,
    /// The terminal's size, for a view opened later.
    size: (u16, u16),
    /// Where jumps left from, across every brief read.
    pub jumps: Jumps,
    /// A brief to open once the reader on top has saved and closed: the jump list going to
    /// another brief.
    then_open: Option<Effect>,
}

impl App {
    /// gloss showing `view`.
    pub fn new(view: View) -> Self {
        Self {
            views: vec![view],
            size: (0, 0),
            jumps: Jumps::default(),
            then_open: None,
        }
    }

    /// gloss showing `reader`.
    pub fn reading(reader: Reader) -> Self {
        Self::new(View::Reader(Box::new(reader)))
    }

    /// Opens `view` over the others; it has the keys until it is left.
    pub fn push(&mut self, view: View) {
        self.views.push(view);
    }

    /// The view with the keys.
    pub fn top(&self) -> &View {
        // `views` is never empty: `new` makes one and leaving the last one leaves gloss.
        &self.views[self.views.len() - 1]
    }

    /// How many views are open.
    pub fn depth(&self) -> usize {
        self.views.len()
    }

    /// The keymap table that applies now.
    pub fn mode(&self) -> Mode {
        self.top().mode()
    }

    /// The reader nearest the top, whose background work is running.
    pub fn reader(&self) -> Option<&Reader> {
        self.views.iter().rev().find_map(|v| match v {
            View::Reader(r) => Some(r.as_ref()),
            _ => None,
        })
    }

    /// The library, if gloss opened one.
    pub fn library(&self) -> Option<&Library> {
        self.views.iter().find_map(|v| match v {
            View::Library(l) => Some(l.as_ref()),
            _ => None,
        })
    }

    /// Index of the view an event is for: input to the top one, the library's news to the
    /// library, a reader's background news to the reader nearest the top.
    fn target(&self, event: &Event) -> Option<usize> {
        let top = self.views.len() - 1;
        let library = || {
            self.views
                .iter()
                .position(|v| matches!(v, View::Library(_)))
        };
        let reader = || {
            self.views
                .iter()
                .rposition(|v| matches!(v, View::Reader(_)))
        };
        let notes = || self.views.iter().rposition(|v| matches!(v, View::Notes(_)));
        let codes = || {
            self.views
                .iter()
                .rposition(|v| matches!(v, View::Codebook(_)))
        };
        let hits = || self.views.iter().rposition(|v| matches!(v, View::Hits(_)));
        let analysis = || {
            self.views
                .iter()
                .rposition(|v| matches!(v, View::Analysis(_)))
        };
        match event {
            Event::Scanned(_) | Event::ScanDone | Event::Removed(_) => library(),
            Event::Noted(_) | Event::NotedAgain(..) | Event::NotesDone => notes(),
            Event::Codes(_) | Event::CodesChanged(_) | Event::Failed(Work::Coding, _) => codes(),
            Event::Searched(..) | Event::SearchDone(..) => hits(),
            Event::Analysed(_) => analysis(),
            Event::Loaded(_)
            | Event::LoadDone
            | Event::LoadFailed(_)
            | Event::Work
            | Event::Saved(_)
            | Event::Merged(_)
            | Event::SidecarChanged
            | Event::Tick
            | Event::Placed(..)
            | Event::PlaceDone(_)
            | Event::Compared(_)
            | Event::Tail(_)
            | Event::Measured(_)
            | Event::Failed(..) => reader(),
            _ => Some(top),
        }
    }
}

/// Applies one event to the app and returns the work it asks for.
pub fn update(app: &mut App, event: Event, env: &Env) -> Vec<Effect> {
    match event {
        Event::Resize(w, h) => {
            app.size = (w, h);
            let below = app.views.len() - 1;
            for view in &mut app.views[..below] {
                view.update(event.clone(), env);
            }
        }
        Event::Opened(opened) => {
            app.views.push(View::Reader(opened.0));
            let (w, h) = app.size;
            return update(app, Event::Resize(w, h), env);
        }
        _ => {}
    }
    let Some(index) = app.target(&event) else {
        return Vec::new();
    };
    if index + 1 == app.views.len()
        && let View::Reader(reader) = &mut app.views[index]
        && let Event::Action(action) = event
    {
        match action {
            Action::JumpBack | Action::JumpForward => {
                return travel(app, action == Action::JumpBack, env);
            }
            // Moving between changes inside the changes view leaves the text where it is.
            _ if reader.mode() == Mode::Changes && action != Action::ChangeJump => {}
            _ if action.is_jump() || accepts_search(reader) => app.jumps.record(reader.spot()),
            _ => {}
        }
    }
    let mut effects = app.views[index].update(event, env);
    // A view asks for another over it.
    let asked = effects.iter().position(|e| {
        matches!(
            e,
            Effect::ShowNotes(_)
                | Effect::ShowSearch(_)
                | Effect::ShowCodebook(_)
                | Effect::ShowAnalysis(_)
        )
    });
    if let Some(asked) = asked {
        let keymap_hints = match &app.views[index] {
            View::Library(l) => l.hints.clone(),
            View::Notes(n) => n.hints.clone(),
            View::Codebook(c) => c.hints.clone(),
            View::Analysis(a) => a.hints.clone(),
            View::Hits(h) => h.hints.clone(),
            View::Reader(r) => r.hints.clone(),
        };
        match effects.remove(asked) {
            Effect::ShowNotes(root) => {
                let mut notes = Notes::with_hints(root.clone(), keymap_hints);
                notes.size = app.size;
                app.views.push(View::Notes(Box::new(notes)));
                effects.push(Effect::CollectNotes(root));
            }
            Effect::ShowSearch(root) => {
                let mut hits = Hits::new(root, keymap_hints);
                hits.size = app.size;
                app.views.push(View::Hits(Box::new(hits)));
            }
            Effect::ShowCodebook(root) => {
                let mut codes = Codes::with_hints(root.clone(), keymap_hints);
                codes.size = app.size;
                app.views.push(View::Codebook(Box::new(codes)));
                effects.push(Effect::ReadCodes(root));
            }
            Effect::ShowAnalysis(root) => {
                let mut view = Analysis::with_hints(root.clone(), keymap_hints);
                view.size = app.size;
                app.views.push(View::Analysis(Box::new(view)));
                effects.push(Effect::Analyse(root));
            }
            _ => {}
        }
    }
    // Leaving a view with another under it goes back to that one; a reader that left without
    // its last save says so there.
    let unsaved = effects.iter().find_map(|e| match e {
        Effect::Exit(Exit::Unsaved(what)) => Some(what.clone()),
        _ => None,
    });
    if app.views.len() > 1 && (unsaved.is_some() || effects.contains(&Effect::Exit(Exit::Quit))) {
        effects.retain(|e| !matches!(e, Effect::Exit(Exit::Quit | Exit::Unsaved(_))));
        if let Some(View::Reader(reader)) = app.views.pop() {
            effects.push(Effect::Closed);
            // Leaving a brief is a jump too: Ctrl-o in the next one comes back here.
            if app.then_open.is_none() {
                app.jumps.record(reader.spot());
            }
        }
        let last = app.views.len() - 1;
        effects.extend(app.views[last].update(Event::Back, env));
        if let Some(what) = unsaved {
            effects.extend(app.views[last].update(Event::Notice(super::Level::Error, what), env));
        }
        effects.extend(app.then_open.take());
    }
    effects
}

/// Whether the reader's next key accepts a search: the match it goes to is a jump.
fn accepts_search(reader: &Reader) -> bool {
    reader
        .prompt()
        .is_some_and(|p| p.kind == reader::PromptKind::Search)
}

/// `Ctrl-o` and `Ctrl-i`: the reader on top goes back or forward through the jump list. A
/// place in another brief closes this one (saving first, as `q` does) and opens that one
/// there.
fn travel(app: &mut App, back: bool, env: &Env) -> Vec<Effect> {
    let last = app.views.len() - 1;
    let View::Reader(reader) = &mut app.views[last] else {
        return Vec::new();
    };
    let here = reader.spot();
    let spot = if back {
        app.jumps.back(here.clone())
    } else {
        app.jumps.forward()
    };
    let Some(spot) = spot else {
        let end = if back { "oldest" } else { "newest" };
        reader.say(
            super::Level::Info,
            &format!("at the {end} place in the jump list"),
        );
        return Vec::new();
    };
    if spot.brief == here.brief {
        reader.show_spot(&spot);
        return Vec::new();
    }
    let (Some(brief), true) = (spot.brief.clone(), app.views.len() > 1) else {
        return Vec::new();
    };
    app.then_open = Some(Effect::Open {
        brief,
        at: Some(spot.top),
        find: None,
    });
    let effects = update(app, Event::Action(Action::Quit), env);
    // A quit held back (the last save failed: it warns first) opens nothing later.
    if let View::Reader(reader) = app.top()
        && !reader.is_leaving()
        && app.views.len() - 1 == last
    {
        app.then_open = None;
    }
    effects
}

/// The event a key press means in the current mode: its binding, a typed character on the
/// prompt, or the key itself for the note editor. Other unbound keys mean nothing. `pending`
/// holds the first key of a two-key binding (`]` of `] h`) until the next key comes.
pub fn key_event(
    keymap: &Keymap,
    mode: Mode,
    pending: &mut Option<Key>,
    key: Key,
) -> Option<Event> {
    let before = pending.take();
    match keymap.lookup(mode, before, key) {
        Lookup::Action(action) => return Some(Event::Action(action)),
        Lookup::Prefix => {
            *pending = Some(key);
            return None;
        }
        // A prefix then a key that finishes nothing: both mean nothing, as in vim.
        Lookup::Unbound if before.is_some() => return None,
        Lookup::Unbound => {}
    }
    let plain = !key.modifiers.intersects(Modifiers::CTRL | Modifiers::ALT);
    match (mode, key.code) {
        (Mode::Prompt, KeyCode::Char(c)) if plain => Some(Event::Char(c)),
        (Mode::Note, _) => Some(Event::Key(key)),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::app::reader::tests::reader;

    const SAMPLE: &[u8] = include_bytes!("../../seeds/micron-cac-probe.txt");

    /// Presses space-separated keys through the default keymap, two-key bindings too.
    pub(crate) fn press(app: &mut App, keys: &str) -> Vec<Effect> {
        let keymap = Keymap::default_keymap().unwrap();
        let mut effects = Vec::new();
        let mut pending = None;
        for name in keys.split_whitespace() {
            let key: Key = name.parse().unwrap();
            if let Some(event) = key_event(&keymap, app.mode(), &mut pending, key) {
                effects.extend(update(app, event, &Env::fixed(1)));
            }
        }
        effects
    }

    #[test]
    fn keys_go_to_the_top_view_and_leaving_it_goes_back_to_the_one_below() {
        let mut app = App::reading(reader(SAMPLE, 100, 30));
        app.push(View::Reader(Box::new(reader(SAMPLE, 100, 30))));
        press(&mut app, "j j j");
        let top = |app: &App| app.reader().map_or(usize::MAX, |r| r.top);
        assert_eq!(top(&app), 3, "the top view scrolled");
        update(&mut app, Event::Resize(60, 20), &Env::fixed(2));
        assert_eq!(
            press(&mut app, "q"),
            [Effect::Closed],
            "not the last view: no exit, the reader's work stops"
        );
        assert_eq!(app.depth(), 1);
        assert_eq!(top(&app), 0, "the view below kept its place");
        assert_eq!(
            app.reader().unwrap().size,
            (60, 20),
            "a resize reaches every view"
        );
        assert_eq!(press(&mut app, "q"), [Effect::Exit(Exit::Quit)]);
    }

    #[test]
    fn a_reader_over_another_view_whose_last_save_never_comes_back_goes_back_and_says_so() {
        let mut app = App::reading(reader(SAMPLE, 100, 30));
        app.push(View::Reader(Box::new(reader(SAMPLE, 100, 30))));
        press(&mut app, "} v e 2 q");
        assert_eq!(app.depth(), 2, "waiting for the save");
        let later = Env {
            now: Env::fixed(1).now + crate::app::reader::LAST_SAVE_WAIT,
            ..Env::fixed(1)
        };
        let effects = update(&mut app, Event::Tick, &later);
        assert!(effects.contains(&Effect::Closed), "{effects:?}");
        assert!(
            !effects.iter().any(|e| matches!(e, Effect::Exit(_))),
            "gloss stays, on the view below: {effects:?}"
        );
        assert_eq!(app.depth(), 1);
        let said = &app.reader().unwrap().status.shown().unwrap().text;
        assert!(said.contains("did not finish within 10 s"), "{said}");
    }

    #[test]
    fn n_in_the_library_opens_the_notes_over_it_and_q_goes_back() {
        let keymap = Keymap::default_keymap().unwrap();
        let library = Library::new("/lib".into(), &keymap);
        let mut app = App::new(View::Library(Box::new(library)));
        update(&mut app, Event::Resize(80, 20), &Env::fixed(1));
        let effects = press(&mut app, "n");
        assert_eq!(effects, [Effect::CollectNotes("/lib".into())]);
        assert_eq!(app.depth(), 2);
        assert_eq!(app.mode(), Mode::Notes);
        let View::Notes(notes) = app.top() else {
            panic!("the notes view is on top");
        };
        assert_eq!(notes.size, (80, 20), "it has the terminal's size");
        update(&mut app, Event::NotesDone, &Env::fixed(2));
        let View::Notes(notes) = app.top() else {
            panic!("the notes view is on top");
        };
        assert!(notes.done, "the notes' news reaches the notes view");
        assert!(press(&mut app, "q").is_empty(), "back to the library");
        assert_eq!(app.mode(), Mode::Library);
    }

    #[test]
    fn a_in_the_library_opens_the_analysis_over_it_and_q_goes_back() {
        let keymap = Keymap::default_keymap().unwrap();
        let library = Library::new("/lib".into(), &keymap);
        let mut app = App::new(View::Library(Box::new(library)));
        update(&mut app, Event::Resize(80, 20), &Env::fixed(1));
        assert_eq!(press(&mut app, "a"), [Effect::Analyse("/lib".into())]);
        assert_eq!(app.mode(), Mode::Analysis);
        let loaded = crate::app::analysis::tests::loaded();
        update(&mut app, Event::Analysed(Box::new(loaded)), &Env::fixed(2));
        let View::Analysis(view) = app.top() else {
            panic!("the analysis view is on top");
        };
        assert_eq!(view.size, (80, 20), "it has the terminal's size");
        assert!(
            view.library.is_some(),
            "the library reaches the analysis view"
        );
        assert!(press(&mut app, "q").is_empty(), "back to the library");
        assert_eq!(app.mode(), Mode::Library);
    }

    #[test]
    fn c_in_the_library_opens_the_codebook_over_it_and_q_goes_back() {
        let keymap = Keymap::default_keymap().unwrap();
        let library = Library::new("/lib".into(), &keymap);
        let mut app = App::new(View::Library(Box::new(library)));
        update(&mut app, Event::Resize(80, 20), &Env::fixed(1));
        assert_eq!(press(&mut app, "c"), [Effect::ReadCodes("/lib".into())]);
        assert_eq!(app.mode(), Mode::Codebook);
        let listing = crate::app::codebook::tests::listing();
        update(&mut app, Event::Codes(Box::new(listing)), &Env::fixed(2));
        let View::Codebook(codes) = app.top() else {
            panic!("the codebook view is on top");
        };
        assert_eq!(codes.size, (80, 20), "it has the terminal's size");
        assert!(codes.loaded, "the listing reaches the codebook view");
        assert!(press(&mut app, "q").is_empty(), "back to the library");
        assert_eq!(app.mode(), Mode::Library);
    }
}
