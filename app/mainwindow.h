#pragma once

#include "caseloader.h"
#include "casereport.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QUndoView;

namespace AT {

struct Case;
struct RecoveryEntry;
class ActorPanel;
class Autosaver;
class CaseDocument;
class CaseEditor;
class ActorTreeModel;
class CaseModels;
class CaseSession;
class CitationListModel;
class ChartPanel;
class CitationPanel;
class CoveragePanel;
class Exporter;
class ClaimListModel;
class DisagreementTableModel;
class EventTableModel;
class EventTablePanel;
class SelectionState;
class SourceListModel;
class SourcePanel;
class TimelineLegend;
class TimelineView;

// Wires the case's models to the views; holds no logic of its own beyond that.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path`, or the built-in case when empty, on this thread. On failure the case already
    // open stays open and every problem is listed in a dialog. Returns whether the case opened.
    // Refused (false) while a case opens in the background.
    bool openCase(const QString &path);
    // The case of the command line: the built-in one at once, a file in the background (the window
    // shows, empty, while it loads; should it fail or be cancelled, the built-in case opens).
    // False only when the built-in case cannot open.
    bool openInitialCase(const QString &path);
    // The same without blocking the window: the file is read, checked and indexed on another thread
    // (CaseLoader) while the case already open stays in use; caseOpenFinished tells the outcome.
    // A load that takes more than half a second shows a progress bar with a Cancel button in the
    // status bar. A second request while one runs is refused with a message in the status bar.
    void openCaseInBackground(const QString &path);
    bool isOpening() const;
    // Stops the background load; the case shown stays (caseOpenFinished(false) follows).
    void cancelOpening();
    QProgressBar *loadProgress() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }

    TimelineView *timeline() const { return m_timeline; }
    TimelineLegend *legend() const { return m_legend; }
    QTableView *eventTable() const;
    EventTablePanel *eventPanel() const { return m_eventPanel; }
    ActorPanel *actorPanel() const { return m_actorPanel; }
    CitationPanel *citationPanel() const { return m_citationPanel; }
    SourcePanel *sourcePanel() const { return m_sourcePanel; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    // Source coverage of the source shown: its sentences in a tab beside Events, Actors and Charts,
    // and a line in the status bar.
    CoveragePanel *coveragePanel() const { return m_coveragePanel; }
    QString coverageStatus() const;
    QTabWidget *tabs() const { return m_tabs; }
    QLineEdit *searchField() const;
    SelectionState *selection() const;
    CaseSession *session() const { return m_session; }
    // The case being edited: every edit is an undo step on it; it knows its file and whether it is saved.
    CaseDocument *document() const { return m_document; }
    Autosaver *autosaver() const { return m_autosaver; }
    CaseEditor *editor() const { return m_editor; }

    // A new, empty case in this window (no questions asked: callers ask first, see maybeSave()).
    void newCase();
    // Save; Save As when the case has no file yet. False when not saved (cancelled or failed; a
    // failure is shown in a dialog and the case stays open, unchanged, with its edits).
    bool save();
    bool saveAs();
    // Writes to `path`; on failure shows why (unless `quiet`) and returns false.
    bool saveTo(const QString &path, bool quiet = false, QString *error = nullptr);
    // With unsaved changes, asks whether to save them first. False when the user cancels (or the
    // save fails): then nothing may be closed or replaced.
    bool maybeSave();
    // Opens a case that an earlier run left unsaved (see RecoveryStore) in this window, as a case
    // with unsaved changes; its recovery file becomes this window's.
    bool restoreRecovered(const RecoveryEntry &entry);
    // At start-up: for each case a killed or crashed run left unsaved, asks whether to restore it
    // (in this window when it shows nothing of its own yet, else in a new one), discard it, or keep
    // it for the next start. Returns how many were restored.
    int offerRecovery();
    // A new window with a new, empty case, shown; it deletes itself when closed.
    static MainWindow *openNewWindow();

Q_SIGNALS:
    void caseOpenFinished(bool opened);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createEditActions(QMenu *edit);
    void caseEdited();
    void updateTitle();
    // The file dialog's Open, after asking about unsaved changes.
    void openInteractively(bool newWindow, bool import = false);
    void restoreSettings();
    void fitToScreen();
    void saveSettings() const;
    void showAbout();
    // Asks for a file and exports `name` ("timeline", a chart, or "csv") to it.
    void exportInteractively(const QString &name, bool visibleOnly);

public:
    // Writes the open case as data export `name` (see dataExports()) to `path`; false with *error set
    // when it cannot. File > Export > As Data asks for the file and calls this.
    bool exportDataTo(const QString &name, const QString &path, QString *error);

private:
    void exportDataInteractively(const QString &name);
    // Esc: in the search field with text, clears the search; anywhere else, every filter.
    void escape();
    void updateStatus();
    void updateEmptyTimelineText();
    void updateRecentMenu();
    void addRecent(const QString &path);
    // Shows the loaded case, or its problems in a dialog; `path` as asked (empty: built-in).
    bool finishOpen(const QString &path, CaseLoader::Result &result);
    void loadFinished(CaseLoader::Outcome outcome);
    void showLoadProgress(CaseLoader::Phase phase, double fraction);

    CaseLoader *m_loader; // reading a case in the background
    bool m_closing = false;
    QString m_loadingPath; // as asked: empty for the built-in case
    std::shared_ptr<const Case> m_case;
    CitationCounts m_citationCounts;
    CaseSession *m_session;
    CaseDocument *m_document;
    Autosaver *m_autosaver;
    QUndoView *m_history = nullptr;
    CaseEditor *m_editor = nullptr;
    // Built once; the panels, the chart panel and the exporter all observe these.
    CaseModels *m_models;
    EventTableModel *m_events;
    ActorTreeModel *m_actors;
    CitationListModel *m_citations;
    ClaimListModel *m_claims;
    DisagreementTableModel *m_disagreements;
    SourceListModel *m_sources;

    TimelineView *m_timeline;
    TimelineLegend *m_legend;
    EventTablePanel *m_eventPanel;
    ActorPanel *m_actorPanel;
    CitationPanel *m_citationPanel;
    SourcePanel *m_sourcePanel;
    ChartPanel *m_chartPanel;
    CoveragePanel *m_coveragePanel;
    std::unique_ptr<Exporter> m_exporter;
    QTabWidget *m_tabs;
    QSplitter *m_vertical;
    QSplitter *m_horizontal;
    QLabel *m_status;
    QLabel *m_coverageStatus; // the shown source's coverage
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTimer *m_progressDelay; // shows the progress bar once a load takes half a second
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_disputedOnly = nullptr;
    QAction *m_showLegend = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace AT
