#pragma once

#include <QMainWindow>

#include <memory>

class QListView;
class QLabel;
class QSplitter;
class QTableView;

namespace AT {

struct Case;
class CaseSession;
class CitationListModel;
class EventTableModel;
class SelectionState;
class SourceReader;
class TimelineView;

// Wires the case's models to the views; holds no logic of its own beyond that.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens `path`, or the built-in case when empty. On failure the case already open stays open
    // and every problem is reported. Returns whether the case opened.
    bool openCase(const QString &path);
    // As openCase, but with no case open yet a failure is fatal: reported, then false.
    bool openInitialCase(const QString &path);

    TimelineView *timeline() const { return m_timeline; }
    QListView *citationView() const { return m_citations; }
    SourceReader *sourceReader() const { return m_reader; }
    QTableView *eventTable() const { return m_table; }
    SelectionState *selection() const { return m_selection; }

    // Opens citation `row` of the current event in the source reader.
    void openCitation(int row);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void showAbout();
    void updateStatus();
    bool loadCase(const QString &path, bool reportToUser);

    std::shared_ptr<const Case> m_case;
    QString m_casePath;
    CaseSession *m_session;
    SelectionState *m_selection;
    EventTableModel *m_events;
    CitationListModel *m_citationModel;
    TimelineView *m_timeline;
    QTableView *m_table;
    QListView *m_citations;
    SourceReader *m_reader;
    QSplitter *m_vertical;
    QSplitter *m_horizontal;
    QLabel *m_status;
};

} // namespace AT
