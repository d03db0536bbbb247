// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/scenariosettingspanel.h"

#include <algorithm>
#include <initializer_list>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QAbstractItemView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "models/workload/commands.h"
#include "views/networksettingsbox.h"
#include "views/regionnames.h"
#include "views/registrysettingsbox.h"
#include "views/settingsfields.h"

namespace fleetplan::views {

namespace {
bool isEc2Platform(models::PlatformId id)
{
    return id == models::PlatformId::EcsEc2 || id == models::PlatformId::EksNodes;
}
} // namespace

ScenarioSettingsPanel::ScenarioSettingsPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("scenarioSettings"));
    setAccessibleName(tr("Scenario settings"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *scenarioBox = new QGroupBox(tr("Scenario"), this);
    auto *form = new QFormLayout(scenarioBox);
    m_name = new QLineEdit(scenarioBox);
    m_name->setObjectName(QStringLiteral("scenarioName"));
    m_region = new QComboBox(scenarioBox);
    m_region->setObjectName(QStringLiteral("scenarioRegion"));
    // The longest region label ("Asia Pacific (Hyderabad) · ap-south-2") would set the panel's width: the box
    // fits the side panel and its popup is as wide as the labels.
    m_region->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_region->setMinimumContentsLength(16);
    m_period = new QSpinBox(scenarioBox);
    m_period->setObjectName(QStringLiteral("scenarioPeriod"));
    m_period->setRange(1, 8784);
    m_period->setSuffix(tr(" hours"));
    m_period->setKeyboardTracking(false);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("&Region"), m_region);
    form->addRow(tr("&Period"), m_period);
    layout->addWidget(scenarioBox);

    auto *purchaseBox = new QGroupBox(tr("Savings Plans"), this);
    auto *pform = new QFormLayout(purchaseBox);
    m_spType = new QComboBox(purchaseBox);
    m_spType->addItem(tr("Compute"), int(models::SavingsPlanType::Compute));
    m_spType->addItem(tr("EC2 Instance"), int(models::SavingsPlanType::Ec2Instance));
    m_spTerm = new QComboBox(purchaseBox);
    m_spTerm->addItem(tr("1 year"), 1);
    m_spTerm->addItem(tr("3 years"), 3);
    m_spPayment = new QComboBox(purchaseBox);
    for (const QString &p :
        { QStringLiteral("No Upfront"), QStringLiteral("Partial Upfront"), QStringLiteral("All Upfront") })
        m_spPayment->addItem(p, p);
    pform->addRow(tr("&Type"), m_spType);
    pform->addRow(tr("T&erm"), m_spTerm);
    pform->addRow(tr("Pa&yment"), m_spPayment);
    layout->addWidget(purchaseBox);

    auto *platformBox = new QGroupBox(tr("Platforms"), this);
    auto *grid = new QGridLayout(platformBox);
    int row = 0;
    for (models::PlatformId id : models::AllPlatforms) {
        const int i = int(id);
        m_enabled[i] = new QCheckBox(models::displayName(id), platformBox);
        m_enabled[i]->setObjectName(QStringLiteral("enabled-") + models::toId(id));
        grid->addWidget(m_enabled[i], row, 0);
        connect(m_enabled[i], &QCheckBox::toggled, this, [this, id] { pushPlatform(id); });
        if (isEc2Platform(id)) {
            m_types[i] = new QLineEdit(platformBox);
            m_types[i]->setPlaceholderText(tr("instance types: default candidates"));
            m_types[i]->setToolTip(tr("Allowed instance types, comma separated; wildcards like c6i.* allowed"));
            m_types[i]->setAccessibleName(tr("%1 instance types").arg(models::displayName(id)));
            m_mixed[i] = new QCheckBox(tr("mix types"), platformBox);
            m_mixed[i]->setToolTip(
                tr("Cheapest mix of the allowed types (Karpenter-style); off = the first type only"));
            grid->addWidget(m_types[i], row + 1, 0);
            grid->addWidget(m_mixed[i], row + 1, 1);
            connect(m_types[i], &QLineEdit::editingFinished, this, [this, id] { pushPlatform(id); });
            connect(m_mixed[i], &QCheckBox::toggled, this, [this, id] { pushPlatform(id); });
            row += 2;
        } else if (id == models::PlatformId::AppRunner) {
            m_enabled[i]->setToolTip(tr("App Runner as a sixth platform: request-serving services scale on "
                                        "concurrent requests; jobs and daemons are listed as not on App Runner"));
            grid->addWidget(appRunnerKnobs(platformBox), row + 1, 0, 1, 2);
            row += 2;
        } else {
            ++row;
        }
    }
    auto *eks = new QHBoxLayout;
    m_clusters = new QSpinBox(platformBox);
    m_clusters->setRange(1, 100);
    m_clusters->setPrefix(tr("EKS clusters: "));
    m_clusters->setKeyboardTracking(false);
    m_extended = new QCheckBox(tr("extended support"), platformBox);
    m_anywhere = new QCheckBox(tr("EKS Anywhere (own hardware)"), platformBox);
    m_anywhere->setObjectName(QStringLiteral("eksAnywhere"));
    m_anywhere->setToolTip(tr("EKS managed nodes run as EKS Anywhere on your own machines: only the custom node "
                              "types of your price book, no AWS control-plane fee"));
    eks->addWidget(m_clusters);
    eks->addWidget(m_extended);
    eks->addStretch(1);
    grid->addLayout(eks, row, 0, 1, 2);
    // Its own row: beside the other two the settings column no longer fit its width (a sideways scroll bar).
    grid->addWidget(m_anywhere, row + 1, 0, 1, 2);
    connect(m_clusters, &QSpinBox::valueChanged, this, [this] {
        pushPlatform(models::PlatformId::EksNodes);
        pushPlatform(models::PlatformId::EksFargate);
    });
    connect(m_extended, &QCheckBox::toggled, this, [this] {
        pushPlatform(models::PlatformId::EksNodes);
        pushPlatform(models::PlatformId::EksFargate);
    });
    connect(m_anywhere, &QCheckBox::toggled, this, [this] { pushPlatform(models::PlatformId::EksNodes); });
    layout->addWidget(platformBox);
    m_registry = new RegistrySettingsBox(this);
    layout->addWidget(m_registry);
    m_network = new NetworkSettingsBox(this);
    layout->addWidget(m_network);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::editingFinished, this, &ScenarioSettingsPanel::pushSettings);
    connect(m_region, &QComboBox::currentIndexChanged, this, &ScenarioSettingsPanel::pushSettings);
    connect(m_period, &QSpinBox::valueChanged, this, &ScenarioSettingsPanel::pushSettings);
    connect(m_spType, &QComboBox::currentIndexChanged, this, &ScenarioSettingsPanel::pushPurchase);
    connect(m_spTerm, &QComboBox::currentIndexChanged, this, &ScenarioSettingsPanel::pushPurchase);
    connect(m_spPayment, &QComboBox::currentIndexChanged, this, &ScenarioSettingsPanel::pushPurchase);
}

QWidget *ScenarioSettingsPanel::appRunnerKnobs(QWidget *parent)
{
    auto *knobs = new QWidget(parent);
    knobs->setObjectName(QStringLiteral("appRunnerKnobs"));
    auto *form = new QFormLayout(knobs);
    form->setContentsMargins(20, 0, 0, 0); // under the App Runner box, indented
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto spin = [knobs](const char *name, int low, int high, const QString &suffix, const QString &tip) {
        auto *box = new QSpinBox(knobs);
        box->setObjectName(QString::fromLatin1(name));
        box->setRange(low, high);
        box->setSuffix(suffix);
        box->setKeyboardTracking(false);
        box->setToolTip(tip);
        return box;
    };
    // Ranges as validation checks them (App Runner's auto scaling configuration: MaxConcurrency 1..200).
    m_arConcurrency = spin("appRunnerConcurrency", 1, 200, tr(" per instance"),
        tr("Concurrent requests one App Runner instance serves before App Runner adds another (App Runner's "
           "default 100)"));
    m_arMin = spin("appRunnerMinInstances", 1, 100000, QString(),
        tr("Instances kept provisioned per service (at least 1); idle ones pay memory only"));
    m_arMax = spin("appRunnerMaxInstances", 1, 100000, QString(),
        tr("Most instances per service (App Runner's default 25); requests above them queue or are refused"));
    m_arDeployment = new QCheckBox(tr("automatic deployments"), knobs);
    m_arDeployment->setObjectName(QStringLiteral("appRunnerAutomaticDeployment"));
    m_arDeployment->setToolTip(tr("Deploy on every push to the source: a fee per service and month where AWS "
                                  "publishes one (ap-south-1 in the catalog); elsewhere a warning says it is not "
                                  "included"));
    form->addRow(tr("C&oncurrency"), m_arConcurrency);
    form->addRow(tr("M&in instances"), m_arMin);
    form->addRow(tr("Ma&x instances"), m_arMax);
    form->addRow(m_arDeployment);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    shrinkFields(knobs);
    const auto push = [this] { pushPlatform(models::PlatformId::AppRunner); };
    connect(m_arConcurrency, &QSpinBox::valueChanged, this, push);
    connect(m_arMin, &QSpinBox::valueChanged, this, push);
    connect(m_arMax, &QSpinBox::valueChanged, this, push);
    connect(m_arDeployment, &QCheckBox::toggled, this, push);
    return knobs;
}

void ScenarioSettingsPanel::setDocument(models::Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document)
        connect(m_document, &models::Document::changed, this, &ScenarioSettingsPanel::refresh);
    m_registry->setDocument(document);
    m_network->setDocument(document);
    refresh();
}

void ScenarioSettingsPanel::setRegions(const QStringList &regions)
{
    m_refreshing = true;
    fillRegionBox(m_region, regions); // "Europe (Ireland) · eu-west-1", the code as item data
    m_region->view()->setMinimumWidth(m_region->view()->sizeHintForColumn(0) + 24);
    m_refreshing = false;
    m_registry->setRegions(regions);
    refresh();
}

void ScenarioSettingsPanel::refresh()
{
    if (!m_document)
        return;
    m_refreshing = true;
    const models::Scenario &s = m_document->scenario();
    if (!m_name->hasFocus())
        m_name->setText(s.name);
    setCurrentRegion(m_region, s.region);
    m_period->setValue(s.periodHours);
    m_spType->setCurrentIndex(m_spType->findData(int(s.purchase.savingsPlanType)));
    m_spTerm->setCurrentIndex(m_spTerm->findData(s.purchase.savingsPlanTermYears));
    m_spPayment->setCurrentIndex(m_spPayment->findData(s.purchase.savingsPlanPayment));
    for (models::PlatformId id : models::AllPlatforms) {
        const int i = int(id);
        const models::PlatformSettings &p = s.platform(id);
        m_enabled[i]->setChecked(p.enabled);
        if (m_types[i]) {
            if (!m_types[i]->hasFocus()) {
                m_types[i]->setText(p.instanceTypes.join(QStringLiteral(", ")));
                m_types[i]->setCursorPosition(0); // show the start of a long list
            }
            m_mixed[i]->setChecked(p.mixedInstances);
            m_types[i]->setEnabled(p.enabled);
            m_mixed[i]->setEnabled(p.enabled);
        }
    }
    const models::PlatformSettings &ar = s.platform(models::PlatformId::AppRunner);
    m_arConcurrency->setValue(ar.appRunnerConcurrency);
    m_arMin->setValue(ar.appRunnerMinInstances);
    m_arMax->setMinimum(std::max(1, ar.appRunnerMinInstances));
    m_arMax->setValue(ar.appRunnerMaxInstances);
    m_arDeployment->setChecked(ar.appRunnerAutomaticDeployment);
    for (QWidget *w : std::initializer_list<QWidget *> { m_arConcurrency, m_arMin, m_arMax, m_arDeployment })
        w->setEnabled(ar.enabled); // the knobs apply only while App Runner is compared
    m_clusters->setValue(s.platform(models::PlatformId::EksNodes).clusters);
    m_extended->setChecked(s.platform(models::PlatformId::EksNodes).extendedSupport);
    m_anywhere->setChecked(s.platform(models::PlatformId::EksNodes).eksAnywhere);
    m_refreshing = false;
}

void ScenarioSettingsPanel::pushSettings()
{
    if (m_refreshing || !m_document)
        return;
    models::ScenarioSettings settings = models::ScenarioSettings::of(m_document->scenario());
    models::ScenarioSettings next = settings;
    next.name = m_name->text().trimmed().isEmpty() ? settings.name : m_name->text().trimmed();
    if (!currentRegion(m_region).isEmpty())
        next.region = currentRegion(m_region);
    next.periodHours = m_period->value();
    if (next == settings)
        return;
    m_document->undoStack()->push(new models::SetScenarioSettingsCommand(m_document, next));
}

void ScenarioSettingsPanel::pushPurchase()
{
    if (m_refreshing || !m_document)
        return;
    models::PurchaseOptions options = m_document->scenario().purchase;
    const models::PurchaseOptions before = options;
    options.savingsPlanType = static_cast<models::SavingsPlanType>(m_spType->currentData().toInt());
    options.savingsPlanTermYears = m_spTerm->currentData().toInt();
    options.savingsPlanPayment = m_spPayment->currentData().toString();
    if (options == before)
        return;
    m_document->undoStack()->push(new models::SetPurchaseOptionsCommand(m_document, options));
}

void ScenarioSettingsPanel::pushPlatform(models::PlatformId id)
{
    if (m_refreshing || !m_document)
        return;
    const int i = int(id);
    models::PlatformSettings p = m_document->scenario().platform(id);
    const models::PlatformSettings before = p;
    p.enabled = m_enabled[i]->isChecked();
    if (m_types[i]) {
        QStringList types;
        for (const QString &t : m_types[i]->text().split(u',', Qt::SkipEmptyParts))
            if (!t.trimmed().isEmpty())
                types << t.trimmed();
        p.instanceTypes = types;
        p.mixedInstances = m_mixed[i]->isChecked();
    }
    if (id == models::PlatformId::AppRunner) {
        p.appRunnerConcurrency = m_arConcurrency->value();
        p.appRunnerMinInstances = m_arMin->value();
        p.appRunnerMaxInstances = std::max(m_arMax->value(), p.appRunnerMinInstances);
        p.appRunnerAutomaticDeployment = m_arDeployment->isChecked();
    }
    if (id == models::PlatformId::EksNodes || id == models::PlatformId::EksFargate) {
        p.clusters = m_clusters->value();
        p.extendedSupport = m_extended->isChecked();
    }
    if (id == models::PlatformId::EksNodes)
        p.eksAnywhere = m_anywhere->isChecked();
    if (p == before)
        return;
    m_document->undoStack()->push(new models::SetPlatformSettingsCommand(m_document, id, p));
}

} // namespace fleetplan::views
