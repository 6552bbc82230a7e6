#include "chartpanel.h"

#include "casemodels.h"
#include "casesession.h"
#include "chartbuilder.h"
#include "chartmodel.h"
#include "plaintext.h"
#include "roles.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDate>
#include <QToolTip>
#include <QVBoxLayout>

namespace AT {

ChartPanel::ChartPanel(CaseModels *models, QWidget *parent)
    : QWidget(parent)
    , m_session(models->session())
    , m_models(models->charts())
    , m_chooser(new QComboBox)
    , m_view(new QChartView)
{
    for (ChartModel *model : std::as_const(m_models)) {
        m_chooser->addItem(ChartModel::title(model->kind()), static_cast<int>(model->kind()));
        connect(model, &QAbstractItemModel::modelReset, this, [this, model] {
            if (m_models.indexOf(model) == m_chooser->currentIndex()) {
                rebuildWhenShown();
            }
        });
    }
    m_chooser->setAccessibleName(QStringLiteral("Chart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(QStringLiteral("Chart"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chooser);
    layout->addWidget(m_view, 1);
    connect(m_chooser, &QComboBox::currentIndexChanged, this, &ChartPanel::rebuild);
    rebuild();
}

void ChartPanel::setKind(int kind)
{
    m_chooser->setCurrentIndex(m_chooser->findData(kind));
}

int ChartPanel::kind() const
{
    return m_chooser->currentData().toInt();
}

void ChartPanel::rebuildWhenShown()
{
    // Behind another tab the chart would be built on every keystroke for nobody.
    if (isVisible()) {
        rebuild();
    } else {
        m_stale = true;
    }
}

void ChartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        rebuild();
    }
}

void ChartPanel::rebuild()
{
    m_stale = false;
    ++m_builds;
    const int i = std::max(0, m_chooser->currentIndex());
    ChartModel *model = m_models[i];
    // Untitled: the chooser above names the chart, and a narrow tab would elide a title.
    QChart *chart = buildChart(model, static_cast<int>(model->kind()), QString(), font());
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            // Bars map to rows through the chart: a horizontal one lists from the bottom and, when
            // low, sums the last rows up in one bar.
            connect(bars, &QAbstractBarSeries::clicked, this,
                    [this, chart](int index, QBarSet *) { filterToRow(modelRowOfBar(chart, index)); });
            // Hovering names the bar, which matters where the legend has no room.
            connect(
                bars, &QAbstractBarSeries::hovered, this, [this, model, bars, chart](bool on, int index, QBarSet *set) {
                    if (!on) {
                        QToolTip::hideText();
                        return;
                    }
                    const int row = modelRowOfBar(chart, index);
                    QString tip = row >= 0 ? model->headerData(row, Qt::Vertical).toString()
                                           : QStringLiteral("%1 others").arg(model->rowCount() - set->count() + 1);
                    // The set's label is escaped for the chart; name the series from the model.
                    const QString series
                        = model->headerData(static_cast<int>(bars->barSets().indexOf(set)), Qt::Horizontal).toString();
                    if (!series.isEmpty() && model->columnCount() > 1
                        && model->kind() != ChartModel::Kind::ActorActivity) {
                        tip += QStringLiteral(" \u2014 ") + series + QStringLiteral(": ")
                            + QString::number(set->at(index));
                    } else if (model->kind() != ChartModel::Kind::ActorActivity) {
                        tip += QStringLiteral(": ") + QString::number(set->at(index));
                    }
                    QToolTip::showText(QCursor::pos(), plainToolTip(tip), m_view);
                });
        }
    }
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;
}

void ChartPanel::filterToRow(int row)
{
    ChartModel *model = m_models[std::max(0, m_chooser->currentIndex())];
    if (row < 0 || row >= model->rowCount()) {
        return;
    }
    const QString key = model->index(row, 0).data(ChartKeyRole).toString();
    EventFilter f = m_session->selection()->filter();
    switch (model->kind()) {
    case ChartModel::Kind::EventsPerYear:
        f.fromDay = QDate(key.toInt(), 1, 1).toJulianDay();
        f.toDay = QDate(key.toInt(), 12, 31).toJulianDay();
        f.byFirstDay = true; // the year the bar counts an event in, not every year it may overlap
        break;
    case ChartModel::Kind::EventsPerActor:
    case ChartModel::Kind::ActorActivity:
        f.actors = {key};
        break;
    case ChartModel::Kind::ClaimsByAttributor:
        // The events the attributor's claims are about, whoever takes part in them.
        f.claimedBy = {key};
        break;
    case ChartModel::Kind::SourcesPerEvent:
        return; // the filter has no "number of sources" dimension
    }
    m_session->selection()->setFilter(f);
}

} // namespace AT
