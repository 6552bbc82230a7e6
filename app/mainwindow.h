#pragma once

#include "casereport.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QSplitter;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;

namespace AT {

struct Case;
class ActorPanel;
class ActorTreeModel;
class CaseModels;
class CaseSession;
class CitationListModel;
class ChartPanel;
class CitationPanel;
class Exporter;
class ClaimListModel;
class DisagreementTableModel;
class EventTableModel;
class HighlightDelegate;
class SelectionState;
class SourceListModel;
class SourcePanel;
class TimelineView;

// Wires the case's models to the views; holds no logic of its own beyond that.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path`, or the built-in case when empty. On failure the case already open stays open
    // and every problem is listed in a dialog. Returns whether the case opened.
    bool openCase(const QString &path);
    bool openInitialCase(const QString &path) { return openCase(path); }
    // The same without blocking the window: the file is read and indexed on another thread while
    // the case already open stays in use; caseOpenFinished tells the outcome. A second request
    // while one runs is refused with a message in the status bar.
    void openCaseInBackground(const QString &path);
    bool isOpening() const { return m_loader != nullptr; }

    TimelineView *timeline() const { return m_timeline; }
    QTableView *eventTable() const { return m_table; }
    ActorPanel *actorPanel() const { return m_actorPanel; }
    CitationPanel *citationPanel() const { return m_citationPanel; }
    SourcePanel *sourcePanel() const { return m_sourcePanel; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    QLineEdit *searchField() const { return m_search; }
    SelectionState *selection() const;
    CaseSession *session() const { return m_session; }

Q_SIGNALS:
    void caseOpenFinished(bool opened);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreSettings();
    void fitToScreen();
    void saveSettings() const;
    void showAbout();
    // Asks for a file and exports `name` ("timeline", a chart, or "csv") to it.
    void exportInteractively(const QString &name, bool visibleOnly);
    void updateStatus();
    void updateRecentMenu();
    void addRecent(const QString &path);
    struct PreparedCase;
    static std::shared_ptr<PreparedCase> prepareCase(const QString &file);
    bool finishOpen(const QString &path, PreparedCase &prepared);

    QThread *m_loader = nullptr; // reading a case in the background
    std::shared_ptr<const Case> m_case;
    CitationCounts m_citationCounts;
    CaseSession *m_session;
    // Built once; the panels, the chart panel and the exporter all observe these.
    CaseModels *m_models;
    EventTableModel *m_events;
    ActorTreeModel *m_actors;
    CitationListModel *m_citations;
    ClaimListModel *m_claims;
    DisagreementTableModel *m_disagreements;
    SourceListModel *m_sources;

    TimelineView *m_timeline;
    QTableView *m_table;
    HighlightDelegate *m_highlight;
    ActorPanel *m_actorPanel;
    CitationPanel *m_citationPanel;
    SourcePanel *m_sourcePanel;
    ChartPanel *m_chartPanel;
    std::unique_ptr<Exporter> m_exporter;
    QTabWidget *m_tabs;
    QSplitter *m_vertical;
    QSplitter *m_horizontal;
    QLineEdit *m_search;
    QTimer *m_searchDelay;
    QLabel *m_status;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_disputedOnly = nullptr;
    QMenu *m_recentMenu = nullptr;
};

} // namespace AT
