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
    QChart *chart = buildChart(model, static_cast<int>(model->kind()), ChartModel::title(model->kind()));
    for (QAbstractSeries *s : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
            const bool reversed = model->kind() == ChartModel::Kind::EventsPerActor
                || model->kind() == ChartModel::Kind::ClaimsByAttributor
                || model->kind() == ChartModel::Kind::ActorActivity;
            connect(bars, &QAbstractBarSeries::clicked, this, [this, reversed, model](int index, QBarSet *) {
                filterToRow(reversed ? model->rowCount() - 1 - index : index);
            });
            // Hovering names the bar, which matters where the legend has no room.
            connect(
                bars, &QAbstractBarSeries::hovered, this,
                [this, reversed, model, bars](bool on, int index, QBarSet *set) {
                    if (!on) {
                        QToolTip::hideText();
                        return;
                    }
                    const int row = reversed ? model->rowCount() - 1 - index : index;
                    QString tip = model->headerData(row, Qt::Vertical).toString();
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
    // In the window the chart is narrow: upright category labels never elide, a smaller legend fits.
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        if (qobject_cast<QBarCategoryAxis *>(axis)) {
            axis->setLabelsAngle(-90);
        }
    }
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    if (model->columnCount() > 6) {
        chart->legend()->setVisible(false); // too many series to label here; hovering a bar names it
    }
    chart->setMargins(QMargins(4, 4, 4, 4));
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
        break;
    case ChartModel::Kind::EventsPerActor:
    case ChartModel::Kind::ActorActivity:
    case ChartModel::Kind::ClaimsByAttributor:
        f.actors = {key};
        break;
    case ChartModel::Kind::SourcesPerEvent:
        return; // the filter has no "number of sources" dimension
    }
    m_session->selection()->setFilter(f);
}

} // namespace AT
