#pragma once

#include <QPointer>
#include <QWidget>

class QChartView;
class QComboBox;

namespace AT {

class CaseModels;
class CaseSession;
class ChartModel;

// One chart at a time, chosen from a list; follows the filter like every other view. Clicking a
// bar filters to its events (a year, an actor, an attributor).
class ChartPanel final : public QWidget
{
    Q_OBJECT
public:
    // Shows the chart models of `models`, shared with the rest of the window and the exporter.
    explicit ChartPanel(CaseModels *models, QWidget *parent = nullptr);

    void setKind(int kind);
    int kind() const;
    QChartView *chartView() const { return m_view; }
    const QList<ChartModel *> &models() const { return m_models; }
    // What a click on the bar of `row` does: filter to the events the bar counts (that year, that
    // actor's events, the events that attributor makes claims about).
    void filterToRow(int row);
    // How many QCharts were built: at most one per change while shown, none while hidden.
    int chartBuilds() const { return m_builds; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void rebuildWhenShown();
    bool m_stale = false;
    int m_builds = 0;
    QPointer<CaseSession> m_session;
    QList<ChartModel *> m_models;
    QComboBox *m_chooser;
    QChartView *m_view;
};

} // namespace AT
