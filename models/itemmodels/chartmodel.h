#pragma once

#include <QAbstractTableModel>
#include <QPointer>

namespace AT {

class CaseSession;

// The numbers behind one chart, as a table that follows the filter: rows are the chart's categories
// (years, actors, ...), columns its series. Vertical header = row label, horizontal header = series.
// Every cell's Qt::DisplayRole is a number; ChartKeyRole on column 0 says what a row stands for
// (a year, an actor id, ...), so a click on a bar can filter to its events.
class ChartModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind {
        EventsPerYear, // rows: years; columns: categories (stacked)
        EventsPerActor, // rows: the most active actors; one column
        SourcesPerEvent, // rows: 1, 2, 3... sources; one column: how many events have that many
        ClaimsByAttributor, // rows: attributors; columns: confidence wordings ("no wording" included)
        ActorActivity, // rows: actors; columns: first day, last day (Julian) of their cited events
    };
    Q_ENUM(Kind)
    static constexpr int TopActors = 12;
    // Events per year lists every year in between up to this span, only years with events beyond.
    static constexpr int MaxContiguousYears = 60;

    ChartModel(Kind kind, CaseSession *session, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    static QString title(Kind kind);
    static QString exportName(Kind kind); // "events-per-year", ...
    static QList<Kind> kinds();
    // What a row stands for, as the first column's name of the chart's CSV ("year", "actor", ...).
    static QString rowName(Kind kind);
    // The values are Julian days (first and last cited day), not counts.
    static bool valuesAreDays(Kind kind) { return kind == Kind::ActorActivity; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // How often the counts were computed: once per change that someone then read (for tests).
    int computations() const { return m_computations; }

private:
    void invalidate();
    void ensure() const;
    void compute();
    bool m_stale = true;
    QList<int> m_yearOfRank; // events per year: the year each event counts in, by chronological rank
    int m_computations = 0;
    Kind m_kind;
    QPointer<CaseSession> m_session;
    QStringList m_rowLabels;
    QStringList m_rowKeys;
    QStringList m_columns;
    QList<QList<double>> m_values; // [row][column]
};

} // namespace AT
