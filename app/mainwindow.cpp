#include "mainwindow.h"

#include "anchoring.h"
#include "builtincase.h"
#include "casereader.h"
#include "casereport.h"
#include "casesession.h"
#include "citationlistmodel.h"
#include "eventtablemodel.h"
#include "roles.h"
#include "selectionstate.h"
#include "sourcereader.h"
#include "timelineview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>

namespace AT {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new CaseSession(this))
    , m_selection(m_session->selection())
    , m_events(new EventTableModel(m_session, this))
    , m_citationModel(new CitationListModel(m_session, this))
    , m_timeline(new TimelineView)
    , m_table(new QTableView)
    , m_citations(new QListView)
    , m_reader(new SourceReader)
    , m_vertical(new QSplitter(Qt::Vertical))
    , m_horizontal(new QSplitter(Qt::Horizontal))
    , m_status(new QLabel)
{
    setWindowTitle(QStringLiteral("Attribution Timeline"));

    // Model -> proxy -> view, in one place.
    m_timeline->setModel(m_events);
    m_timeline->setSelectionState(m_selection);
    m_table->setModel(m_events);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EventTableModel::DateColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(EventTableModel::TitleColumn, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setAccessibleName(QStringLiteral("Events"));
    m_citations->setModel(m_citationModel);
    m_citations->setWordWrap(true);
    m_citations->setSpacing(4);
    m_citations->setAlternatingRowColors(true);
    m_citations->setAccessibleName(QStringLiteral("Citations of the selected event"));

    m_horizontal->addWidget(m_table);
    m_horizontal->addWidget(m_citations);
    m_horizontal->addWidget(m_reader);
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 2);
    m_horizontal->setStretchFactor(2, 3);
    m_vertical->addWidget(m_timeline);
    m_vertical->addWidget(m_horizontal);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 1);
    setCentralWidget(m_vertical);
    statusBar()->addWidget(m_status, 1);

    // Views talk to the shared selection, never to each other.
    connect(m_selection, &SelectionState::currentEventChanged, this, [this](qsizetype event) {
        const QModelIndex row = m_events->index(m_events->rowOfEvent(event), 0);
        if (row.isValid()) {
            m_table->selectionModel()->setCurrentIndex(row,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->scrollTo(row);
        } else {
            m_table->selectionModel()->clearSelection();
        }
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid()) {
                    m_selection->setCurrentEvent(current.data(EventIndexRole).value<qsizetype>());
                }
            });
    connect(m_citations, &QListView::clicked, this, [this](const QModelIndex &index) { openCitation(index.row()); });
    connect(m_citations, &QListView::activated, this, [this](const QModelIndex &index) { openCitation(index.row()); });
    connect(m_timeline, &TimelineView::eventActivated, this, [this](qsizetype) { openCitation(0); });

    createActions();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        resize(1280, 800);
    }
    m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray());
    m_horizontal->restoreState(settings.value(QStringLiteral("window/horizontal")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction *open = file->addAction(QStringLiteral("&Open Case\u2026"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, QStringLiteral("Open Case"), QString(),
                                                          QStringLiteral("Attribution Timeline cases (*.json)"));
        if (!path.isEmpty()) {
            openCase(path);
        }
    });
    open->setShortcut(QKeySequence::Open);
    file->addAction(QStringLiteral("Open &Built-in Case"), this, [this] { openCase(QString()); });
    file->addSeparator();
    QAction *quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

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

    QMenu *help = menuBar()->addMenu(QStringLiteral("&Help"));
    help->addAction(QStringLiteral("&About Attribution Timeline"), this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(QStringLiteral("Timeline"));
    bar->setObjectName(QStringLiteral("timelineToolBar"));
    bar->addAction(open);
    bar->addSeparator();
    bar->addAction(fit);
    bar->addAction(zoomIn);
    bar->addAction(zoomOut);
    bar->addAction(zoomSel);
}

void MainWindow::showAbout()
{
    QString text = QStringLiteral("Attribution Timeline %1\n\nShows a case of state-sponsored hacking as a timeline, "
                                  "its actors and the verbatim passages of the sources behind every claim.\n\n")
                       .arg(QCoreApplication::applicationVersion());
    if (m_case) {
        text += QStringLiteral("Sources of the open case (%1):\n").arg(m_case->title);
        for (const Source &s : m_case->sources) {
            text += QStringLiteral("\u2022 %1 (publisher: %2)\n")
                        .arg(s.title, s.publisher.isEmpty() ? QStringLiteral("unknown") : s.publisher);
        }
    }
    QMessageBox box(QMessageBox::Information, QStringLiteral("About Attribution Timeline"), text, QMessageBox::Ok,
                    this);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

bool MainWindow::openInitialCase(const QString &path)
{
    return loadCase(path, true);
}

bool MainWindow::openCase(const QString &path)
{
    return loadCase(path, true);
}

bool MainWindow::loadCase(const QString &path, bool reportToUser)
{
    const QString file = path.isEmpty() ? builtinCasePath() : path;
    CaseLoad load = CaseReader::readFile(file);
    if (!load.ok()) {
        if (reportToUser) {
            QStringList lines;
            for (const Problem &p : std::as_const(load.problems)) {
                lines << p.toString();
            }
            QMessageBox box(QMessageBox::Warning, QStringLiteral("Cannot open case"),
                            QStringLiteral("%1 could not be opened.%2")
                                .arg(path.isEmpty() ? QStringLiteral("The built-in case") : path,
                                     m_case ? QStringLiteral(" The case already open stays open.") : QString()),
                            QMessageBox::Ok, this);
            box.setTextFormat(Qt::PlainText);
            box.setDetailedText(lines.join(QLatin1Char('\n')));
            box.exec();
        }
        return false;
    }
    m_case = std::make_shared<const Case>(std::move(load.kase));
    m_casePath = path;
    m_session->setCase(m_case);
    m_timeline->fitAll();
    m_table->resizeColumnToContents(EventTableModel::DateColumn);
    setWindowTitle(m_case->title);
    updateStatus();
    const auto warnings = load.problems.size();
    if (warnings > 0) {
        statusBar()->showMessage(QStringLiteral("Opened with %1 warning(s); run --check for the list.").arg(warnings),
                                 10000);
    }
    return true;
}

void MainWindow::openCitation(int row)
{
    const qsizetype event = m_selection->currentEvent();
    if (!m_case || event < 0 || row < 0 || row >= m_case->events[event].citations.size()) {
        return;
    }
    m_citations->setCurrentIndex(m_citationModel->index(row));
    m_selection->setCurrentCitation(row);
    const Citation &c = m_case->events[event].citations[row];
    const Source *source = m_case->source(c.sourceId);
    if (!source) {
        return;
    }
    const TextIndex index(source->text);
    QList<SourceReader::Passage> cited;
    m_case->forEachCitation([&](const Citation &other) {
        if (other.sourceId == c.sourceId && other.isAnchored()) {
            cited.append({index.toUtf16(other.start), index.toUtf16(other.end)});
        }
    });
    m_reader->showSource(source->title, source->text, cited);
    if (c.isAnchored()) {
        m_reader->showPassage(index.toUtf16(c.start), index.toUtf16(c.end));
    }
}

void MainWindow::updateStatus()
{
    if (!m_case) {
        m_status->clear();
        return;
    }
    const CitationCounts counts = countCitations(*m_case);
    m_status->setText(QStringLiteral("%1 events \u00b7 %2 actors \u00b7 %3 sources \u00b7 %4 of %5 citations anchored")
                          .arg(m_case->events.size())
                          .arg(m_case->actors.size())
                          .arg(m_case->sources.size())
                          .arg(counts.exact + counts.reanchored)
                          .arg(counts.total));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("window/horizontal"), m_horizontal->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace AT
