//! The analysis views at study scale: a generated library of 1,000 briefs with 50,000 coded
//! segments and 200 codes (20 groups of 10: `group-07/code-073`, 1-3 codes a segment, two
//! coders taking turns). Times reading the library for analysis (every brief and sidecar,
//! annotations placed), then each view computed from the library already read: the matrix
//! folded and unfolded, co-occurrence by overlap and by paragraph, the timeline by day and
//! month, and the agreement of the two coders. The baseline for ratios is benches/codes.rs's
//! count: every sidecar read and parsed.
//!
//! Then frames of the analysis view at 200x50 (group `analysis frames`), drawn through a
//! ratatui `Terminal` on a `TestBackend` as the runtime draws them: each tab once, and a scroll
//! step (a key through `update`, then the frame), against the 16.7 ms of 60 frames a second.
//!
//! Run with `cargo bench --bench analysis -- --warm-up-time 1 --measurement-time 3`.

#![allow(missing_docs)] // criterion's macros generate the undocumented entry points
#![allow(clippy::expect_used)] // a benchmark crate: a broken setup should stop it loudly

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::Scope;
use gloss::analysis::agreement::agreement;
use gloss::analysis::cooccurrence::{Near, cooccurrence};
use gloss::analysis::matrix::matrix;
use gloss::analysis::timeline::{By, timeline};

use gloss::app::analysis::{Analysis, Tab, update};
use gloss::app::{Env, Event};
use gloss::input::{Action, Keymap};
use gloss::theme::Theme;
use gloss::ui::AnalysisView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod study;

use study::{Briefs, generate};

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    let written = generate(root, Briefs::DatedWithCoders);
    let loaded = gloss::store::analysis::load(root);
    let library = loaded.library;
    let segments: usize = library.briefs.iter().map(|b| b.segments.len()).sum();
    eprintln!(
        "analysis: {} briefs, {segments} segments read ({written} written), {} skipped",
        library.briefs.len(),
        loaded.skipped.len()
    );
    let folded = Scope {
        fold: gloss::analysis::Fold::Depth(1),
        ..Scope::default()
    };
    let full = Scope::default();
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(3));
    // The baseline, as benches/codes.rs measures it: every sidecar read and parsed.
    group.bench_function(
        "baseline: every sidecar read (as gloss codes counts)",
        |b| {
            b.iter(|| black_box(gloss::store::library::sidecars::sidecars_in(root)));
        },
    );
    group.bench_function("load the library (1,000 briefs, 50,000 segments)", |b| {
        b.iter(|| black_box(gloss::store::analysis::load(root)));
    });
    group.bench_function("matrix, folded", |b| {
        b.iter(|| black_box(matrix(&library, &folded)));
    });
    group.bench_function("matrix, unfolded (200 codes x 1,000 briefs)", |b| {
        b.iter(|| black_box(matrix(&library, &full)));
    });
    group.bench_function("co-occurrence, overlap, unfolded", |b| {
        b.iter(|| black_box(cooccurrence(&library, &full, Near::Overlap)));
    });
    group.bench_function("co-occurrence, paragraph, unfolded", |b| {
        b.iter(|| black_box(cooccurrence(&library, &full, Near::Paragraph)));
    });
    group.bench_function("timeline by day", |b| {
        b.iter(|| black_box(timeline(&library, &full, By::Day)));
    });
    group.bench_function("timeline by month", |b| {
        b.iter(|| black_box(timeline(&library, &full, By::Month)));
    });
    group.bench_function("agreement of two coders", |b| {
        b.iter(|| black_box(agreement(&library, &full, "ana", "ben")));
    });
    group.finish();
    frames(c, library);
}

/// One frame of `view` drawn as the runtime draws it.
fn draw(terminal: &mut Terminal<TestBackend>, view: &Analysis, theme: &Theme) {
    terminal
        .draw(|frame| frame.render_widget(AnalysisView { view, theme }, frame.area()))
        .expect("a test backend draws");
}

fn frames(c: &mut Criterion, library: gloss::analysis::Library) {
    let keymap = Keymap::default_keymap().expect("the default keymap");
    let env = Env::fixed(1);
    let mut view = Analysis::new("/study".into(), &keymap);
    update(&mut view, Event::Resize(200, 50), &env);
    let loaded = gloss::store::analysis::Loaded {
        library,
        skipped: Vec::new(),
        codebook: None,
    };
    update(&mut view, Event::Analysed(Box::new(loaded)), &env);
    // Unfolded: 200 code rows by 1,000 brief columns, the largest grid.
    update(&mut view, Event::Action(Action::ToggleFold), &env);
    let theme = Theme::default();
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("a test terminal");
    let mut group = c.benchmark_group("analysis frames");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(3));
    for tab in Tab::ALL {
        while view.tab != tab {
            update(&mut view, Event::Action(Action::NextTab), &env);
        }
        group.bench_function(format!("draw {} (200x50)", tab.name()), |b| {
            b.iter(|| draw(&mut terminal, &view, &theme));
        });
        group.bench_function(format!("scroll {}: a key then draw", tab.name()), |b| {
            b.iter(|| {
                let (rows, _) = view.extent();
                let key = if tab == Tab::Timeline {
                    Action::ColumnRight
                } else if view.row + 1 >= rows {
                    Action::Top
                } else {
                    Action::ScrollDown
                };
                update(&mut view, Event::Action(key), &env);
                draw(&mut terminal, &view, &theme);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
