#pragma once

#include <QPointer>
#include <QWidget>

class QChartView;
class QComboBox;

namespace AT {

class CaseSession;
class ChartModel;

// One chart at a time, chosen from a list; follows the filter like every other view. Clicking a
// bar filters to its events (a year, an actor, an attributor).
class ChartPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(CaseSession *session, QWidget *parent = nullptr);

    void setKind(int kind);
    int kind() const;
    QChartView *chartView() const { return m_view; }
    const QList<ChartModel *> &models() const { return m_models; }
    // What a click on the bar of `row` does: filter to that year, actor or attributor.
    void filterToRow(int row);

private:
    void rebuild();
    QPointer<CaseSession> m_session;
    QList<ChartModel *> m_models;
    QComboBox *m_chooser;
    QChartView *m_view;
};

} // namespace AT
