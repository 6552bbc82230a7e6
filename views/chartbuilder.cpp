#include "chartbuilder.h"

#include "categorycolor.h"
#include "chartmodel.h"
#include "plaintext.h"
#include "roles.h"

#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDate>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

namespace AT {

namespace {
// Every string handed to Qt Charts goes through chartText: it renders them all as HTML.
QStringList rowLabels(const QAbstractItemModel *m, bool reversed)
{
    QStringList out;
    for (int r = 0; r < m->rowCount(); ++r) {
        out << chartText(m->headerData(r, Qt::Vertical).toString());
    }
    if (reversed) {
        std::reverse(out.begin(), out.end());
    }
    return out;
}

QList<QBarSet *> barSets(const QAbstractItemModel *m, bool reversed, bool colourByCategory)
{
    QList<QBarSet *> sets;
    // Colours from every category of the case, so that a filter leaving some out changes none (a
    // model without the role: from the columns).
    QStringList categories = m->headerData(0, Qt::Horizontal, ChartCategoriesRole).toStringList();
    for (int c = 0; categories.isEmpty() && c < m->columnCount(); ++c) {
        categories << m->headerData(c, Qt::Horizontal).toString();
    }
    const CategoryColors colors(categories);
    for (int c = 0; c < m->columnCount(); ++c) {
        const QString label = m->headerData(c, Qt::Horizontal).toString();
        auto *set = new QBarSet(chartText(label));
        for (int r = 0; r < m->rowCount(); ++r) {
            const int row = reversed ? m->rowCount() - 1 - r : r;
            set->append(m->index(row, c).data().toDouble());
        }
        if (colourByCategory) {
            set->setColor(colors.color(label));
            set->setBorderColor(colors.color(label).darker(120));
        }
        sets << set;
    }
    return sets;
}

QValueAxis *countAxis(const QList<QBarSet *> &sets, bool stacked)
{
    double max = 1;
    const qsizetype n = sets.isEmpty() ? 0 : sets.first()->count();
    for (qsizetype i = 0; i < n; ++i) {
        double sum = 0;
        for (QBarSet *s : sets) {
            sum = stacked ? sum + s->at(i) : std::max(sum, s->at(i));
        }
        max = std::max(max, sum);
    }
    // Whole-number ticks at a round step (1, 2, 5, 10, ...), about ten of them at most.
    double step = 1;
    while (max / step > 10) {
        step *= (QString::number(step).startsWith(QLatin1Char('2')) ? 2.5 : 2);
    }
    auto *axis = new QValueAxis;
    axis->setRange(0, std::ceil(max / step) * step);
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    return axis;
}
} // namespace

QChart *buildChart(const QAbstractItemModel *model, int kind, const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(chartText(title));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const auto k = static_cast<ChartModel::Kind>(kind);
    switch (k) {
    case ChartModel::Kind::EventsPerYear:
    case ChartModel::Kind::SourcesPerEvent: {
        auto *series = new QStackedBarSeries;
        const auto sets = barSets(model, false, k == ChartModel::Kind::EventsPerYear);
        series->append(sets);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(rowLabels(model, false));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        QValueAxis *y = countAxis(sets, true);
        y->setTitleText(chartText(QStringLiteral("events")));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        chart->legend()->setVisible(k == ChartModel::Kind::EventsPerYear);
        break;
    }
    case ChartModel::Kind::EventsPerActor:
    case ChartModel::Kind::ClaimsByAttributor: {
        // Horizontal, most active first (bar charts list from the bottom, so rows go in reversed).
        auto *series = new QHorizontalStackedBarSeries;
        const auto sets = barSets(model, true, false);
        series->append(sets);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(rowLabels(model, true));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        QValueAxis *x = countAxis(sets, true);
        x->setTitleText(
            chartText(k == ChartModel::Kind::EventsPerActor ? QStringLiteral("events") : QStringLiteral("claims")));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        chart->legend()->setVisible(k == ChartModel::Kind::ClaimsByAttributor);
        break;
    }
    case ChartModel::Kind::ActorActivity: {
        // A Gantt chart from stacked bars: an invisible offset from year 0, then the active span,
        // on an axis in (fractional) years that starts at the first active year.
        const int rows = model->rowCount();
        double minDay = 0;
        double maxDay = 0;
        for (int r = 0; r < rows; ++r) {
            const double f = model->index(r, 0).data().toDouble();
            const double l = model->index(r, 1).data().toDouble();
            minDay = r == 0 ? f : std::min(minDay, f);
            maxDay = r == 0 ? l : std::max(maxDay, l);
        }
        auto toYears = [](double julianDay) {
            const QDate d = QDate::fromJulianDay(static_cast<qint64>(julianDay));
            return d.year() + (d.dayOfYear() - 1) / double(d.daysInYear());
        };
        const int firstYear = rows ? QDate::fromJulianDay(static_cast<qint64>(minDay)).year() : 2000;
        const int lastYear = rows ? QDate::fromJulianDay(static_cast<qint64>(maxDay)).year() + 1 : 2001;
        auto *offset = new QBarSet(QString());
        auto *span = new QBarSet(chartText(QStringLiteral("first to last cited event")));
        for (int r = rows - 1; r >= 0; --r) {
            const double f = toYears(model->index(r, 0).data().toDouble());
            const double l = toYears(model->index(r, 1).data().toDouble() + 1);
            offset->append(f);
            // At least a little wide, so an actor seen on one day is still visible.
            span->append(std::max(l - f, 0.015 * (lastYear - firstYear)));
        }
        offset->setColor(Qt::transparent);
        offset->setBorderColor(Qt::transparent);
        span->setColor(QColor(0x00, 0x72, 0xB2));
        auto *series = new QHorizontalStackedBarSeries;
        series->append(offset);
        series->append(span);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis;
        y->append(rowLabels(model, true));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        auto *x = new QValueAxis;
        x->setRange(firstYear, lastYear);
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(firstYear);
        x->setTickInterval(std::max(1, (lastYear - firstYear) / 10));
        x->setLabelFormat(QStringLiteral("%.0f"));
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        chart->legend()->setVisible(false);
        break;
    }
    }
    return chart;
}

} // namespace AT
