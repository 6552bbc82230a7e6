#include "mainwindow.h"

#include "actorpanel.h"
#include "actortreemodel.h"
#include "builtincase.h"
#include "casedocument.h"
#include "caseeditor.h"
#include "caseloader.h"
#include "casemodels.h"
#include "casereader.h"
#include "casereport.h"
#include "casesession.h"
#include "casewriter.h"
#include "chartmodel.h"
#include "chartpanel.h"
#include "citationlistmodel.h"
#include "citationpanel.h"
#include "claimlistmodel.h"
#include "coveragepanel.h"
#include "dataexport.h"
#include "disagreementtablemodel.h"
#include "eventtablemodel.h"
#include "eventtablepanel.h"
#include "exportdialog.h"
#include "exporter.h"
#include "filterbar.h"
#include "plaintext.h"
#include "plural.h"
#include "recovery.h"
#include "selectionstate.h"
#include "sentencecoveragemodel.h"
#include "sourcelistmodel.h"
#include "sourcepanel.h"
#include "sourcereader.h"
#include "timelinelegend.h"
#include "timelineview.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QUndoView>
#include <QUuid>
#include <QVBoxLayout>

namespace AT {

namespace {
constexpr int MaxRecent = 8;
}

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new CaseLoader(this))
    , m_session(new CaseSession(this))
    , m_document(new CaseDocument(this))
    , m_autosaver(new Autosaver(m_document, RecoveryStore::defaultFolder(), this))
    , m_models(new CaseModels(m_session, this))
    , m_events(m_models->events())
    , m_actors(m_models->actors())
    , m_citations(m_models->citations())
    , m_claims(m_models->claims())
    , m_disagreements(m_models->disagreements())
    , m_sources(m_models->sources())
    , m_timeline(new TimelineView)
    , m_legend(new TimelineLegend(m_session))
    , m_eventPanel(new EventTablePanel)
    , m_actorPanel(new ActorPanel)
    , m_citationPanel(new CitationPanel)
    , m_sourcePanel(new SourcePanel)
    , m_chartPanel(new ChartPanel(m_models))
    , m_coveragePanel(new CoveragePanel)
    , m_exporter(std::make_unique<Exporter>(m_session, m_models))
    , m_tabs(new QTabWidget)
    , m_vertical(new QSplitter(Qt::Vertical))
    , m_horizontal(new QSplitter(Qt::Horizontal))
    , m_status(new QLabel)
    , m_coverageStatus(new QLabel)
    , m_progress(new QProgressBar)
    , m_cancel(new QPushButton(QStringLiteral("Cancel")))
    , m_progressDelay(new QTimer(this))
{
    setWindowTitle(QStringLiteral("Attribution Timeline"));
    SelectionState *sel = m_session->selection();

    // Models -> views, in one place. Every view observes the same session and selection.
    m_timeline->setModel(m_events);
    m_timeline->setSelectionState(sel);
    m_eventPanel->setModel(m_events);
    m_eventPanel->setSelectionState(sel);
    m_actorPanel->setModel(m_actors);
    m_actorPanel->setSelectionState(sel);
    m_citationPanel->setModels(m_citations, m_claims, m_disagreements);
    m_sourcePanel->setModels(m_sources, m_citations);
    m_sourcePanel->setSelectionState(sel);
    m_sourcePanel->setCoverageModel(m_models->sentences());
    m_coveragePanel->setModel(m_models->sentences());

    m_tabs->addTab(m_eventPanel, QStringLiteral("Events"));
    m_tabs->addTab(m_actorPanel, QStringLiteral("Actors"));
    m_tabs->addTab(m_chartPanel, QStringLiteral("Charts"));
    m_tabs->addTab(m_coveragePanel, QStringLiteral("Coverage"));
    m_horizontal->addWidget(m_tabs);
    m_horizontal->addWidget(m_citationPanel);
    m_horizontal->addWidget(m_sourcePanel);
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 3);
    m_horizontal->setStretchFactor(2, 3);
    // The legend under the timeline, small, in the timeline's pane.
    auto *timelinePane = new QWidget;
    auto *timelineLayout = new QVBoxLayout(timelinePane);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(0);
    timelineLayout->addWidget(m_timeline, 1);
    timelineLayout->addWidget(m_legend);
    m_vertical->addWidget(timelinePane);
    m_vertical->addWidget(m_horizontal);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 1);
    setCentralWidget(m_vertical);
    // The panels scroll, so they may get small: on a 1366x768 screen at a scale factor of 2 the
    // whole window has 683x384 logical pixels, and it must still fit.
    m_timeline->setMinimumHeight(80);
    m_horizontal->setMinimumHeight(80);
    for (QWidget *panel : {static_cast<QWidget *>(m_tabs), static_cast<QWidget *>(m_citationPanel),
                           static_cast<QWidget *>(m_sourcePanel)}) {
        panel->setMinimumWidth(120);
    }
    m_status->setTextFormat(Qt::PlainText);
    m_status->setObjectName(QStringLiteral("caseStatus"));
    statusBar()->addWidget(m_status, 1);
    m_coverageStatus->setTextFormat(Qt::PlainText);
    m_coverageStatus->setObjectName(QStringLiteral("coverageStatus"));
    m_coverageStatus->setToolTip(QStringLiteral("Source coverage of the source shown: sentences cited or marked "
                                                "reviewed, of all its sentences (Coverage tab; F8 goes to the next "
                                                "unreviewed one)"));
    statusBar()->addPermanentWidget(m_coverageStatus); // stays while a message is shown
    // The shown source's coverage, after every edit and on every change of source.
    connect(m_models->sentences(), &QAbstractItemModel::modelReset, this, [this] {
        const QString summary = m_models->sentences()->summary();
        m_coverageStatus->setText(summary);
        m_coveragePanel->setSummary(summary);
    });
    connect(m_coveragePanel, &CoveragePanel::sentenceActivated, this,
            [this](qint64 start, qint64 end) { m_sourcePanel->reader()->showPassage(start, end); });
    // Loading in the background: a progress bar and a Cancel button, once a load takes half a second.
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(260);
    m_progress->setAccessibleName(QStringLiteral("Opening progress"));
    m_cancel->setToolTip(QStringLiteral("Stop opening the case; the case shown stays open"));
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(500);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        m_progress->show();
        m_cancel->show();
    });
    connect(m_cancel, &QPushButton::clicked, this, &MainWindow::cancelOpening);
    connect(m_loader, &CaseLoader::progressChanged, this, &MainWindow::showLoadProgress);
    connect(m_loader, &CaseLoader::finished, this, &MainWindow::loadFinished);

    // Views talk to the shared selection, never to each other.
    m_citationPanel->setSession(m_session);
    connect(m_timeline, &TimelineView::eventActivated, sel, [sel](qsizetype) { sel->openCitation(0); });
    connect(m_session, &CaseSession::visibleEventsChanged, this, &MainWindow::updateStatus);
    // Edits reach the index and every model through the session, keeping what is selected.
    connect(m_document, &CaseDocument::caseEdited, this, &MainWindow::caseEdited);
    connect(m_document, &CaseDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &CaseDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_autosaver, &Autosaver::autosaveFailed, this, [this](const QString &error) {
        statusBar()->showMessage(QStringLiteral("Could not keep a recovery copy of the unsaved changes: ") + error,
                                 15000);
    });

    createActions();
    restoreSettings();
}

MainWindow::~MainWindow()
{
    if (m_loader->isRunning()) {
        // The loader is cancelled as it goes (with the window); nothing waits for its worker.
        disconnect(m_loader, nullptr, this, nullptr);
        QApplication::restoreOverrideCursor();
    }
}

QString MainWindow::coverageStatus() const
{
    return m_coverageStatus->text();
}

SelectionState *MainWindow::selection() const
{
    return m_session->selection();
}

QTableView *MainWindow::eventTable() const
{
    return m_eventPanel->table();
}

QLineEdit *MainWindow::searchField() const
{
    return m_eventPanel->searchField();
}

void MainWindow::createActions()
{
    SelectionState *sel = m_session->selection();

    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *newCase = file->addAction(QStringLiteral("&New Case"), this, [this] {
        if (maybeSave()) {
            this->newCase();
        }
    });
    newCase->setShortcut(QKeySequence::New);
    QAction *newWindow = file->addAction(QStringLiteral("New &Window"), this, [] { openNewWindow(); });
    newWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction *open = file->addAction(QStringLiteral("&Open Case\u2026"), this, [this] { openInteractively(false); });
    open->setShortcut(QKeySequence::Open);
    file->addAction(QStringLiteral("Open in New Window\u2026"), this, [this] { openInteractively(true); });
    file->addAction(QStringLiteral("&Import STIX or TimelineJS\u2026"), this,
                    [this] { openInteractively(false, true); })
        ->setObjectName(QStringLiteral("import"));
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    file->addAction(QStringLiteral("Open &Built-in Case"), this, [this] {
        if (maybeSave()) {
            openCaseInBackground(QString());
        }
    });
    file->addSeparator();
    QAction *save = file->addAction(QStringLiteral("&Save"), this, [this] { this->save(); });
    save->setShortcut(QKeySequence::Save);
    save->setObjectName(QStringLiteral("save"));
    QAction *saveAs = file->addAction(QStringLiteral("Save &As\u2026"), this, [this] { this->saveAs(); });
    saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addSeparator();
    QMenu *exportMenu = file->addMenu(QStringLiteral("&Export"));
    QAction *exportTimeline = exportMenu->addAction(QStringLiteral("Whole &Timeline\u2026"), this,
                                                    [this] { exportInteractively(QStringLiteral("timeline"), false); });
    exportTimeline->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportMenu->addAction(QStringLiteral("&Visible Part of the Timeline\u2026"), this,
                          [this] { exportInteractively(QStringLiteral("timeline"), true); });
    exportMenu->addAction(QStringLiteral("Current &Chart\u2026"), this, [this] {
        exportInteractively(ChartModel::exportName(static_cast<ChartModel::Kind>(m_chartPanel->kind())), false);
    });
    exportMenu->addAction(QStringLiteral("Shown Events as &CSV\u2026"), this,
                          [this] { exportInteractively(QStringLiteral("csv"), false); });
    exportMenu->addSeparator();
    // The whole case as data for other tools; the same names as --export.
    for (const DataExport &e : dataExports()) {
        exportMenu
            ->addAction(e.label + QStringLiteral("\u2026"), this,
                        [this, name = e.name] { exportDataInteractively(name); })
            ->setObjectName(QStringLiteral("export-") + e.name);
    }
    exportMenu->addSeparator();
    QAction *copy = exportMenu->addAction(QStringLiteral("C&opy Timeline Image"), this, [this] {
        ExportOptions options;
        options.scale = devicePixelRatioF();
        QGuiApplication::clipboard()->setImage(m_exporter->renderImage(QStringLiteral("timeline"), options));
        statusBar()->showMessage(QStringLiteral("The timeline image is on the clipboard."), 5000);
    });
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    file->addSeparator();
    QAction *close = file->addAction(QStringLiteral("&Close"), this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
    // Every window, each asking about its own unsaved changes; one Cancel stops the rest.
    QAction *quit = file->addAction(QStringLiteral("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    createEditActions(edit);
    edit->addAction(m_citationPanel->copyCitationAction());
    connect(m_citationPanel, &CitationPanel::citationsCopied, this, [this](int count) {
        statusBar()->showMessage(
            count == 1 ? QStringLiteral("The citation is on the clipboard, with its source.")
                       : QStringLiteral("%1 citations are on the clipboard, with their sources.").arg(count),
            5000);
    });
    QAction *find = edit->addAction(QStringLiteral("&Find\u2026"), m_eventPanel, &EventTablePanel::focusSearch);
    find->setShortcut(QKeySequence::Find);
    m_disputedOnly = edit->addAction(QStringLiteral("Show &Disputed Events Only"));
    m_disputedOnly->setCheckable(true);
    connect(m_disputedOnly, &QAction::toggled, this, [sel](bool on) {
        EventFilter f = sel->filter();
        f.disputedOnly = on;
        sel->setFilter(f);
    });
    QAction *clear = edit->addAction(QStringLiteral("&Clear Filter"), this, [this, sel] {
        m_eventPanel->clearSearch();
        sel->clearFilter();
    });
    clear->setObjectName(QStringLiteral("clearFilter"));
    clear->setToolTip(QStringLiteral("Show every event and end actor highlighting (Esc)"));
    // Esc is not the menu item's shortcut: in the search field it first clears the search only.
    auto *escape = new QAction(this);
    escape->setObjectName(QStringLiteral("escape"));
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WindowShortcut);
    connect(escape, &QAction::triggered, this, &MainWindow::escape);
    addAction(escape);
    auto showDisputedOnly = [this, sel] {
        const QSignalBlocker blocker(m_disputedOnly);
        m_disputedOnly->setChecked(sel->filter().disputedOnly);
    };
    connect(sel, &SelectionState::filterChanged, this, showDisputedOnly);

    // Making the case: sources in, citing selections, forms, deleting.
    m_editor = new CaseEditor(m_document, sel, m_sourcePanel->reader(), this);
    connect(m_editor, &CaseEditor::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    QMenu *caseMenu = menuBar()->addMenu(QStringLiteral("&Case"));
    m_editor->fillMenu(caseMenu);
    // Source coverage: walking the unreviewed sentences, beside marking them (CaseEditor's).
    auto *nextUnreviewed = new QAction(QStringLiteral("&Next Unreviewed Sentence"), this);
    nextUnreviewed->setObjectName(QStringLiteral("nextUnreviewed"));
    nextUnreviewed->setShortcut(QKeySequence(Qt::Key_F8));
    nextUnreviewed->setToolTip(QStringLiteral("Select the next sentence no citation and no reviewed mark accounts "
                                              "for, in this source or the next one that has one"));
    connect(nextUnreviewed, &QAction::triggered, this, [this] { m_sourcePanel->showNextUnreviewed(false); });
    auto *previousUnreviewed = new QAction(QStringLiteral("&Previous Unreviewed Sentence"), this);
    previousUnreviewed->setObjectName(QStringLiteral("previousUnreviewed"));
    previousUnreviewed->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8));
    connect(previousUnreviewed, &QAction::triggered, this, [this] { m_sourcePanel->showNextUnreviewed(true); });
    caseMenu->insertActions(m_editor->markReviewedAction(), {nextUnreviewed, previousUnreviewed});
    SourceReader *reader = m_sourcePanel->reader();
    reader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(reader, &QWidget::customContextMenuRequested, this,
            [this, reader, nextUnreviewed, previousUnreviewed](const QPoint &pos) {
                QMenu *menu = reader->createStandardContextMenu(pos);
                menu->addSeparator();
                for (QAction *a : m_editor->readerActions()) {
                    menu->addAction(a);
                }
                menu->addSeparator();
                menu->addAction(nextUnreviewed);
                menu->addAction(previousUnreviewed);
                for (QAction *a : m_editor->reviewActions()) {
                    menu->addAction(a);
                }
                menu->setAttribute(Qt::WA_DeleteOnClose);
                menu->popup(reader->viewport()->mapToGlobal(pos));
            });

    QMenu *view = menuBar()->addMenu(QStringLiteral("&View"));
    QAction *fit = view->addAction(QStringLiteral("&Fit All"), m_timeline, &TimelineView::fitAll);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction *zoomIn = view->addAction(QStringLiteral("Zoom &In"), m_timeline, &TimelineView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(QStringLiteral("Zoom &Out"), m_timeline, &TimelineView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *zoomSel
        = view->addAction(QStringLiteral("Zoom to &Selection"), m_timeline, &TimelineView::zoomToSelection);
    zoomSel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    view->addSeparator();
    QMenu *lanes = view->addMenu(QStringLiteral("&Lanes"));
    auto *laneGroup = new QActionGroup(this);
    const struct
    {
        const char *label;
        TimelineView::LaneMode mode;
    } modes[] = {{"&None", TimelineView::LaneMode::None},
                 {"By &Actor", TimelineView::LaneMode::Actor},
                 {"By &Category", TimelineView::LaneMode::Category}};
    for (const auto &m : modes) {
        QAction *a = lanes->addAction(QString::fromLatin1(m.label), this,
                                      [this, mode = m.mode] { m_timeline->setLaneMode(mode); });
        a->setCheckable(true);
        a->setActionGroup(laneGroup);
        a->setData(static_cast<int>(m.mode));
        a->setChecked(m_timeline->laneMode() == m.mode);
    }
    connect(m_timeline, &TimelineView::laneOptionsChanged, this, [this, laneGroup] {
        for (QAction *a : laneGroup->actions()) {
            a->setChecked(a->data().toInt() == static_cast<int>(m_timeline->laneMode()));
        }
    });
    m_showLegend = view->addAction(QStringLiteral("Show &Legend"));
    m_showLegend->setCheckable(true);
    m_showLegend->setChecked(true);
    connect(m_showLegend, &QAction::toggled, m_legend, &QWidget::setVisible);
    QMenu *axis = view->addMenu(QStringLiteral("&Time Axis"));
    axis->setObjectName(QStringLiteral("timeAxisMenu"));
    auto *axisGroup = new QActionGroup(this);
    const struct
    {
        const char *label;
        AxisMode mode;
    } axes[]
        = {{"&Automatic", AxisMode::Automatic}, {"&Linear", AxisMode::Linear}, {"&Compressed", AxisMode::Compressed}};
    for (const auto &m : axes) {
        QAction *a = axis->addAction(QString::fromLatin1(m.label), this,
                                     [this, mode = m.mode] { m_timeline->setAxisMode(mode); });
        a->setCheckable(true);
        a->setActionGroup(axisGroup);
        a->setData(static_cast<int>(m.mode));
        a->setChecked(m_timeline->axisMode() == m.mode);
    }
    connect(m_timeline, &TimelineView::axisModeChanged, this, [this, axisGroup] {
        for (QAction *a : axisGroup->actions()) {
            a->setChecked(a->data().toInt() == static_cast<int>(m_timeline->axisMode()));
        }
    });
    view->addSeparator();
    for (QWidget *panel : {static_cast<QWidget *>(m_tabs), static_cast<QWidget *>(m_citationPanel),
                           static_cast<QWidget *>(m_sourcePanel)}) {
        const QString name = panel == m_tabs ? QStringLiteral("Events and &Actors")
            : panel == m_citationPanel       ? QStringLiteral("&Citations and Claims")
                                             : QStringLiteral("&Source Reader");
        QAction *toggle = view->addAction(name);
        toggle->setCheckable(true);
        toggle->setChecked(true);
        toggle->setObjectName(QStringLiteral("toggle-") + QString::number(view->actions().size()));
        connect(toggle, &QAction::toggled, panel, &QWidget::setVisible);
    }

    QMenu *go = menuBar()->addMenu(QStringLiteral("&Go"));
    m_back = go->addAction(QStringLiteral("&Back"), sel, &SelectionState::back);
    m_back->setShortcut(QKeySequence::Back);
    m_forward = go->addAction(QStringLiteral("&Forward"), sel, &SelectionState::forward);
    m_forward->setShortcut(QKeySequence::Forward);
    auto updateHistory = [this, sel] {
        m_back->setEnabled(sel->canGoBack());
        m_forward->setEnabled(sel->canGoForward());
    };
    connect(sel, &SelectionState::historyChanged, this, updateHistory);
    updateHistory();
    // A new case empties the selection, its history and the filter without a signal of their own.
    connect(m_session, &CaseSession::caseChanged, this, [updateHistory, showDisputedOnly] {
        updateHistory();
        showDisputedOnly();
    });

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&About Attribution Timeline"), this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(QStringLiteral("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->addAction(m_back);
    bar->addAction(m_forward);
    bar->addSeparator();
    bar->addWidget(m_eventPanel->searchField());
    bar->addAction(m_disputedOnly);
    bar->addSeparator();
    bar->addAction(fit);
    bar->addAction(zoomIn);
    bar->addAction(zoomOut);
    // Every active filter, removable one by one, in its own row under the main bar.
    addToolBarBreak();
    QToolBar *filters = addToolBar(QStringLiteral("Filters"));
    filters->setObjectName(QStringLiteral("filterToolBar"));
    filters->setMovable(false);
    auto *filterBar = new FilterBar(m_session);
    filters->addWidget(filterBar);
    filters->setVisible(filterBar->isActive());
    connect(filterBar, &FilterBar::activeChanged, filters, &QToolBar::setVisible);
    updateRecentMenu();
}

void MainWindow::exportInteractively(const QString &name, bool visibleOnly)
{
    ExportDialog dialog(m_exporter.get(), m_session, this);
    dialog.choose(name, visibleOnly);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(QStringLiteral("Exported %1").arg(dialog.path()), 8000);
    }
}

void MainWindow::escape()
{
    QLineEdit *search = searchField();
    if (QApplication::focusWidget() == search && !search->text().isEmpty()) {
        m_eventPanel->clearSearch();
        EventFilter f = selection()->filter();
        f.text.clear();
        selection()->setFilter(f);
        return;
    }
    m_eventPanel->clearSearch();
    selection()->clearFilter();
}

void MainWindow::showAbout()
{
    QString text = QStringLiteral("Attribution Timeline %1\n\nShows a case of state-sponsored hacking as a timeline, "
                                  "its actors and the verbatim passages of the sources behind every claim.\n\n")
                       .arg(QCoreApplication::applicationVersion());
    CaseLoad builtin = CaseReader::readFile(builtinCasePath());
    text += QStringLiteral("The built-in case is built from these articles:\n");
    for (const Source &s : builtin.kase.sources) {
        text += QStringLiteral("\u2022 %1 (publisher: %2)\n")
                    .arg(displayTitle(s), s.publisher.isEmpty() ? QStringLiteral("unknown") : s.publisher);
    }
    QMessageBox box(QMessageBox::Information, QStringLiteral("About Attribution Timeline"), text, QMessageBox::Ok,
                    this);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

bool MainWindow::openCase(const QString &path)
{
    if (isOpening()) {
        statusBar()->showMessage(QStringLiteral("Still opening %1; cancel it or wait until it is open.")
                                     .arg(QFileInfo(m_loader->path()).fileName()),
                                 5000);
        return false;
    }
    CaseLoader::Result result = CaseLoader::load(path.isEmpty() ? builtinCasePath() : path);
    return finishOpen(path, result);
}

bool MainWindow::openInitialCase(const QString &path)
{
    if (path.isEmpty()) {
        return openCase(QString());
    }
    // Shown at once, empty, while a case of any size loads.
    setWindowTitle(QStringLiteral("Opening %1 \u2014 Attribution Timeline").arg(QFileInfo(path).fileName()));
    openCaseInBackground(path);
    return true;
}

bool MainWindow::isOpening() const
{
    return m_loader->isRunning();
}

void MainWindow::openCaseInBackground(const QString &path)
{
    if (isOpening()) {
        statusBar()->showMessage(QStringLiteral("Still opening %1; cancel it or wait until it is open.")
                                     .arg(QFileInfo(m_loader->path()).fileName()),
                                 5000);
        return;
    }
    const QString file = path.isEmpty() ? builtinCasePath() : path;
    m_loadingPath = path;
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("Reading %p%"));
    m_cancel->setEnabled(true);
    m_progressDelay->start();
    statusBar()->showMessage(
        m_case
            ? QStringLiteral("Opening %1\u2026 the case shown stays usable meanwhile.").arg(QFileInfo(file).fileName())
            : QStringLiteral("Opening %1\u2026").arg(QFileInfo(file).fileName()));
    QApplication::setOverrideCursor(Qt::BusyCursor);
    m_loader->start(file);
}

void MainWindow::cancelOpening()
{
    if (isOpening()) {
        m_cancel->setEnabled(false);
        statusBar()->showMessage(QStringLiteral("Cancelling\u2026"));
        m_loader->cancel();
    }
}

void MainWindow::showLoadProgress(CaseLoader::Phase phase, double fraction)
{
    static const char *const names[] = {"Reading", "Parsing", "Checking", "Indexing"};
    m_progress->setFormat(QString::fromLatin1(names[static_cast<int>(phase)]) + QStringLiteral(" %p%"));
    m_progress->setValue(static_cast<int>(fraction * 1000));
}

void MainWindow::loadFinished(CaseLoader::Outcome outcome)
{
    m_progressDelay->stop();
    m_progress->hide();
    m_cancel->hide();
    QApplication::restoreOverrideCursor();
    statusBar()->clearMessage();
    CaseLoader::Result result = m_loader->takeResult();
    const QString path = std::exchange(m_loadingPath, QString());
    bool opened = false;
    if (outcome == CaseLoader::Outcome::Cancelled) {
        statusBar()->showMessage(m_case ? QStringLiteral("Opening cancelled; the case shown stays open.")
                                        : QStringLiteral("Opening cancelled."),
                                 8000);
    } else {
        opened = finishOpen(path, result);
    }
    if (!opened && !m_case && !m_closing) {
        // The case of the command line did not open: show the built-in one rather than nothing.
        openCase(QString());
    }
    Q_EMIT caseOpenFinished(opened);
}

bool MainWindow::finishOpen(const QString &path, CaseLoader::Result &result)
{
    CaseLoad &load = result.load;
    if (result.outcome != CaseLoader::Outcome::Opened) {
        QStringList lines;
        for (const Problem &p : std::as_const(load.problems)) {
            lines << p.toString();
        }
        const QString after = m_case ? QStringLiteral(" The case already open stays open.")
            : path.isEmpty()         ? QString()
                                     : QStringLiteral(" The built-in case opens instead.");
        QMessageBox box(
            QMessageBox::Warning, QStringLiteral("Cannot open case"),
            QStringLiteral("%1 could not be opened (%2; see the details).%3")
                .arg(path.isEmpty() ? QStringLiteral("The built-in case") : path, problemCountText(load), after),
            QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        // The first problems at once: most files have one, and it says what to fix.
        constexpr qsizetype Shown = 3;
        QStringList first = lines.mid(0, Shown);
        for (QString &line : first) {
            if (line.size() > 400) {
                line = line.left(400) + QStringLiteral("\u2026");
            }
        }
        if (lines.size() > Shown) {
            first << QStringLiteral("%1 more in the details.").arg(lines.size() - Shown);
        }
        setPlainInformativeText(&box, first.join(QLatin1Char('\n')));
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.exec();
        return false;
    }
    m_case = result.index->sharedCase();
    // A converted file is not a case file: the case has no file yet, so that Save asks where rather
    // than writing a case over the STIX or TimelineJS file.
    const bool converted = !load.convertedFrom.isEmpty();
    m_document->reset(m_case, converted ? QString() : path, converted);
    // Counted once per case: the status line is refreshed on every filter keystroke.
    m_citationCounts = countCitations(*m_case);
    m_eventPanel->clearSearch();
    m_session->setIndex(std::move(result.index));
    m_timeline->fitAll();
    updateTitle();
    if (!path.isEmpty()) {
        addRecent(QFileInfo(path).absoluteFilePath());
    }
    updateStatus();
    if (converted) {
        QMessageBox box(QMessageBox::Information, QStringLiteral("Imported"),
                        QStringLiteral("%1 was read as a %2 and converted into a case. It is not saved yet: Save "
                                       "As keeps it as a case file; the %2 itself is left as it is.")
                            .arg(QFileInfo(path).fileName(), load.convertedFrom),
                        QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        // What the conversion did, in full: the first lines at once, the rest in the details.
        constexpr qsizetype Shown = 6;
        QStringList shown;
        for (const QString &note : load.notes.mid(0, Shown)) {
            shown << QStringLiteral("\u2022 ") + (note.size() > 300 ? note.left(300) + QStringLiteral("\u2026") : note);
        }
        if (load.notes.size() > Shown) {
            shown << QStringLiteral("%1 more in the details.").arg(load.notes.size() - Shown);
        }
        setPlainInformativeText(&box, shown.join(QLatin1Char('\n')));
        box.setDetailedText(load.notes.join(QLatin1Char('\n')));
        box.setObjectName(QStringLiteral("importReport"));
        box.exec();
    }
    if (!load.problems.isEmpty()) {
        statusBar()->showMessage(
            QStringLiteral("Opened with %1; Case > Check Case lists them.")
                .arg(countOf(load.warningCount(), QStringLiteral("warning"), QStringLiteral("warnings"))),
            15000);
    }
    return true;
}

void MainWindow::updateStatus()
{
    updateEmptyTimelineText();
    if (!m_case) {
        m_status->clear();
        return;
    }
    const CitationCounts &counts = m_citationCounts;
    QString text = QStringLiteral("%1 of %2 shown \u00b7 %3 \u00b7 %4 \u00b7 %5 of %6 anchored")
                       .arg(QString::number(m_session->visibleEvents().size()),
                            countOf(m_case->events.size(), QStringLiteral("event"), QStringLiteral("events")),
                            countOf(m_case->actors.size(), QStringLiteral("actor"), QStringLiteral("actors")),
                            countOf(m_case->sources.size(), QStringLiteral("source"), QStringLiteral("sources")),
                            QString::number(counts.exact + counts.reanchored),
                            countOf(counts.total, QStringLiteral("citation"), QStringLiteral("citations")));
    // Citations of sources the case names without their texts cannot be anchored; that is no fault.
    if (counts.referenceOnly > 0) {
        text += QStringLiteral(" \u00b7 %1 of a reference only").arg(counts.referenceOnly);
    }
    m_status->setText(text);
}

void MainWindow::updateEmptyTimelineText()
{
    if (!m_case) {
        return;
    }
    const QString make = QStringLiteral("select a passage in the source reader, then Case > New Event from Selection "
                                        "(Ctrl+Alt+E).");
    const bool anyText = std::any_of(m_case->sources.cbegin(), m_case->sources.cend(),
                                     [](const Source &s) { return !s.referenceOnly; });
    QString text;
    if (!m_case->events.isEmpty()) {
        text = QStringLiteral("No event matches the filter.\nEsc, or Edit > Clear Filter, shows every event again.");
    } else if (anyText) {
        text = QStringLiteral("No events to show.\nTo make one, ") + make;
    } else if (!m_case->sources.isEmpty()) {
        // An imported case may name its articles without holding their texts: nothing to select yet.
        text = QStringLiteral("No events to show.\nThis case's sources are references only: their texts are not in "
                              "it. Add an article with its text (Case > Add Source from File) or re-import one "
                              "(Case > Re-import Source Shown); then ")
            + make;
    } else {
        text = QStringLiteral("No events to show.\nAdd an article (Case > Add Source from File or from Pasted Text); "
                              "then ")
            + make;
    }
    m_timeline->setEmptyText(text);
}

void MainWindow::addRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("recentFiles"), recent.mid(0, MaxRecent));
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu
            ->addAction(QFileInfo(path).fileName(), this,
                        [this, path] {
                            if (maybeSave()) {
                                openCaseInBackground(path);
                            }
                        })
            ->setToolTip(plainToolTip(path));
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::fitToScreen()
{
    // A window saved on a larger screen, or 1280x800 at a scale factor of 2, must still fit: keep
    // it within the screen's free area, with room for the window manager's frame.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen) {
        return;
    }
    const QRect available = screen->availableGeometry();
    const QSize frame(16, 48);
    const QSize fits = size().boundedTo(available.size() - frame).expandedTo(minimumSizeHint());
    if (fits != size()) {
        resize(fits);
    }
    if (!available.contains(QRect(pos(), size() + frame))) {
        move(available.center() - QPoint(width() / 2, height() / 2));
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1280, 800);
    }
    fitToScreen();
    if (!m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray())) {
        m_vertical->setSizes({440, 360});
    }
    if (!m_horizontal->restoreState(settings.value(QStringLiteral("window/horizontal")).toByteArray())) {
        m_horizontal->setSizes({380, 480, 420});
    }
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    m_showLegend->setChecked(settings.value(QStringLiteral("timeline/legend"), true).toBool());
    const QStringList hidden = settings.value(QStringLiteral("timeline/hiddenLanes")).toStringList();
    m_timeline->setLaneOrder(settings.value(QStringLiteral("timeline/laneOrder")).toStringList());
    m_timeline->setHiddenLanes(QSet<QString>(hidden.cbegin(), hidden.cend()));
    m_timeline->setLaneMode(
        static_cast<TimelineView::LaneMode>(settings.value(QStringLiteral("timeline/laneMode"), 0).toInt()));
    // The time axis the user chose; anything unknown means the default, Automatic.
    const int axis = settings.value(QStringLiteral("timeline/axisMode"), int(AxisMode::Automatic)).toInt();
    m_timeline->setAxisMode(axis == int(AxisMode::Linear)           ? AxisMode::Linear
                                : axis == int(AxisMode::Compressed) ? AxisMode::Compressed
                                                                    : AxisMode::Automatic);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("window/horizontal"), m_horizontal->saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("timeline/laneMode"), static_cast<int>(m_timeline->laneMode()));
    settings.setValue(QStringLiteral("timeline/axisMode"), static_cast<int>(m_timeline->axisMode()));
    settings.setValue(QStringLiteral("timeline/legend"), m_showLegend->isChecked());
    settings.setValue(QStringLiteral("timeline/laneOrder"), m_timeline->laneOrder());
    const QSet<QString> hidden = m_timeline->hiddenLanes();
    settings.setValue(QStringLiteral("timeline/hiddenLanes"), QStringList(hidden.cbegin(), hidden.cend()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    saveSettings();
    // A case still loading is not waited for: the worker stops at its next check, and its
    // cancelled result must not open the built-in case in a closing window.
    m_closing = true;
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}

void MainWindow::createEditActions(QMenu *edit)
{
    QUndoStack *undo = m_document->undoStack();
    QAction *undoAction = undo->createUndoAction(this, QStringLiteral("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setObjectName(QStringLiteral("undo"));
    QAction *redoAction = undo->createRedoAction(this, QStringLiteral("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setObjectName(QStringLiteral("redo"));
    edit->addAction(undoAction);
    edit->addAction(redoAction);
    // The history: every edit by name; clicking one goes back (or forward) to it.
    auto *dock = new QDockWidget(QStringLiteral("Edit History"), this);
    dock->setObjectName(QStringLiteral("historyDock"));
    m_history = new QUndoView(undo);
    m_history->setEmptyLabel(QStringLiteral("As opened"));
    m_history->setAccessibleName(QStringLiteral("Edit history"));
    dock->setWidget(m_history);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();
    QAction *history = dock->toggleViewAction();
    history->setText(QStringLiteral("Edit &History"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    edit->addAction(history);
    edit->addSeparator();
}

void MainWindow::caseEdited()
{
    m_case = m_document->snapshot();
    m_citationCounts = countCitations(*m_case);
    m_session->updateCase(m_case);
    updateTitle();
    updateStatus();
}

void MainWindow::updateTitle()
{
    // Control characters (an escape sequence, say) never reach the window manager or a terminal
    // that shows window titles.
    QString title = m_document->kase().title;
    title.replace(QRegularExpression(QStringLiteral("[\\x{0}-\\x{1f}\\x{7f}-\\x{9f}]")), QStringLiteral("\uFFFD"));
    if (title.isEmpty()) {
        title = QStringLiteral("Untitled case");
    }
    // "[*]" is where Qt shows the unsaved-changes marker.
    title.replace(QStringLiteral("[*]"), QStringLiteral("[ *]"));
    const QString file = m_document->filePath().isEmpty() ? QString() : m_document->displayName();
    setWindowTitle(file.isEmpty() ? title + QStringLiteral("[*]") : QStringLiteral("%1[*] \u2014 %2").arg(title, file));
    setWindowModified(m_document->isModified());
}

void MainWindow::newCase()
{
    auto kase = std::make_shared<Case>();
    kase->title = QStringLiteral("Untitled case");
    // Its own id from the start, so that exports (STIX ids) stay the same when it is retitled.
    kase->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_case = kase;
    m_citationCounts = countCitations(*m_case);
    m_document->reset(m_case, QString());
    m_eventPanel->clearSearch();
    m_session->setCase(m_case);
    updateTitle();
    updateStatus();
}

MainWindow *MainWindow::openNewWindow()
{
    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->newCase();
    window->show();
    return window;
}

void MainWindow::openInteractively(bool newWindow, bool import)
{
    if (!newWindow && !maybeSave()) {
        return;
    }
    // Every file is recognised by its content; the filters only help to find it.
    const QString path = QFileDialog::getOpenFileName(
        this, import ? QStringLiteral("Import STIX or TimelineJS") : QStringLiteral("Open Case"), QString(),
        import ? QStringLiteral("STIX 2.0/2.1 bundles and TimelineJS files (*.json);;All files (*)")
               : QStringLiteral("Cases, STIX bundles and TimelineJS files (*.json);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    MainWindow *target = newWindow ? openNewWindow() : this;
    target->openCaseInBackground(path);
}

void MainWindow::exportDataInteractively(const QString &name)
{
    const DataExport *format = dataExport(name);
    if (!format || !m_document) {
        return;
    }
    QSettings settings;
    const QString folder = settings
                               .value(QStringLiteral("dataExportFolder"),
                                      QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                               .toString();
    QString base = m_document->kase().title.simplified();
    base.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]")), QString());
    const QString suggested
        = QDir(folder).filePath((base.isEmpty() ? QStringLiteral("case") : base) + QLatin1Char('.') + format->suffix);
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Export as %1").arg(format->label), suggested,
                                                format->fileFilter);
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1Char('.') + format->suffix;
    }
    settings.setValue(QStringLiteral("dataExportFolder"), QFileInfo(path).absolutePath());
    QString error;
    if (!exportDataTo(name, path, &error)) {
        QMessageBox box(QMessageBox::Warning, QStringLiteral("Export failed"), error, QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
        return;
    }
    statusBar()->showMessage(QStringLiteral("Exported %1 to %2.").arg(format->label, path), 8000);
}

bool MainWindow::exportDataTo(const QString &name, const QString &path, QString *error)
{
    DataExportOptions options;
    // TimelineJS groups as the timeline's lanes: by actor, by category, or none.
    switch (m_timeline->laneMode()) {
    case TimelineView::LaneMode::Actor:
        options.lane = TimelineLane::Actor;
        break;
    case TimelineView::LaneMode::None:
        options.lane = TimelineLane::None;
        break;
    case TimelineView::LaneMode::Category:
        options.lane = TimelineLane::Category;
        break;
    }
    return writeFileAtomically(path, writeDataExport(name, m_document->kase(), options), error);
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified()) {
        return true;
    }
    QMessageBox box(QMessageBox::Warning, QStringLiteral("Unsaved changes"),
                    QStringLiteral("%1 has changes that are not saved. Save them first?")
                        .arg(m_document->filePath().isEmpty()
                                 ? QStringLiteral("\u201c%1\u201d").arg(m_document->kase().title.simplified())
                                 : m_document->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setTextFormat(Qt::PlainText);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty()) {
        return saveAs();
    }
    return saveTo(m_document->filePath());
}

bool MainWindow::saveAs()
{
    QString suggested = m_document->filePath();
    if (suggested.isEmpty()) {
        QString name = m_document->kase().title.simplified();
        name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]")), QString());
        suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                        .filePath((name.isEmpty() ? QStringLiteral("case") : name) + QStringLiteral(".json"));
    }
    QString path = QFileDialog::getSaveFileName(this, QStringLiteral("Save Case As"), suggested,
                                                QStringLiteral("Attribution Timeline cases (*.json)"));
    if (path.isEmpty()) {
        return false;
    }
    if (QFileInfo(path).suffix().isEmpty()) {
        path += QStringLiteral(".json");
    }
    return saveTo(path);
}

bool MainWindow::saveTo(const QString &path, bool quiet, QString *error)
{
    QString why;
    if (!m_document->saveAs(path, &why)) {
        if (error) {
            *error = why;
        }
        if (!quiet) {
            QMessageBox box(QMessageBox::Warning, QStringLiteral("Cannot save"), why, QMessageBox::Ok, this);
            box.setTextFormat(Qt::PlainText);
            box.exec();
        }
        statusBar()->showMessage(QStringLiteral("Not saved: ") + why, 15000);
        return false;
    }
    addRecent(QFileInfo(path).absoluteFilePath());
    statusBar()->showMessage(QStringLiteral("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return true;
}

bool MainWindow::restoreRecovered(const RecoveryEntry &entry)
{
    QString error;
    std::optional<Case> recovered = RecoveryStore(QFileInfo(entry.file).absolutePath()).read(entry, &error);
    if (!recovered) {
        QMessageBox box(QMessageBox::Warning, QStringLiteral("Cannot restore"), error, QMessageBox::Ok, this);
        box.setTextFormat(Qt::PlainText);
        box.exec();
        return false;
    }
    m_case = std::make_shared<const Case>(std::move(*recovered));
    m_citationCounts = countCitations(*m_case);
    m_document->reset(m_case, entry.casePath, true);
    m_autosaver->adopt(entry.file);
    m_eventPanel->clearSearch();
    m_session->setCase(m_case);
    m_timeline->fitAll();
    updateTitle();
    updateStatus();
    statusBar()->showMessage(QStringLiteral("Restored unsaved changes; save them to keep them."), 15000);
    return true;
}

int MainWindow::offerRecovery()
{
    const RecoveryStore store;
    int restored = 0;
    for (const RecoveryEntry &entry : store.orphaned()) {
        const QString where = entry.casePath.isEmpty() ? QStringLiteral("a case never saved")
                                                       : QDir::toNativeSeparators(entry.casePath);
        QMessageBox box(
            QMessageBox::Question, QStringLiteral("Restore unsaved changes?"),
            QStringLiteral("Attribution Timeline ended without saving changes to \u201c%1\u201d (%2). "
                           "A copy was kept at %3.\n\nRestore them?")
                .arg(entry.title, where, QLocale().toString(entry.written.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::NoButton, this);
        box.setTextFormat(Qt::PlainText);
        QPushButton *restore = box.addButton(QStringLiteral("Restore"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(QStringLiteral("Discard"), QMessageBox::DestructiveRole);
        box.addButton(QStringLiteral("Ask Again Next Time"), QMessageBox::RejectRole);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() == restore) {
            // This window when it shows nothing of its own yet: the built-in case, or the very case
            // whose changes these are, unchanged.
            const bool here = restored == 0 && !m_document->isModified()
                && (m_document->filePath().isEmpty() || m_document->filePath() == entry.casePath);
            MainWindow *target = here ? this : openNewWindow();
            if (target->restoreRecovered(entry)) {
                ++restored;
            }
        } else if (box.clickedButton() == discard) {
            store.discard(entry);
        }
    }
    return restored;
}

} // namespace AT
