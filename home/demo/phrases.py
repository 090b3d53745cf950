"""Phrase banks the demo composes record text from, in the four content languages.

Titles with "{of}" ("{Of}" capitalised, in English) take the cooperation area's `of` form (see areas.py), which each language has
written to fit after a noun, so the composed titles read naturally: "Grant for cybersecurity
projects", « Subvention pour des projets de cybersécurité », «منحة لمشاريع الأمن السيبراني».
"""

from .text import T

# The second paragraph of each partner's description: what the type of partner means for the checks.
TYPE_PARAGRAPHS = {
    "for_profit_company": T(
        en="As a for-profit company, the partner may not use the partnership to promote its products; it gains no access to police information and no say in how its contribution is used.",
        fr="En tant qu'entreprise à but lucratif, le partenaire ne peut pas se servir du partenariat pour promouvoir ses produits ; il n'obtient ni accès aux informations de police ni droit de regard sur l'utilisation de sa contribution.",
        es="Al tratarse de una empresa con fines de lucro, el socio no puede utilizar la asociación para promocionar sus productos, ni obtiene acceso a información policial ni voz alguna sobre el uso de su contribución.",
        ar="وبما أن الشريك شركة هادفة للربح، فلا يجوز له استخدام الشراكة للترويج لمنتجاته، ولا يحصل على أي إمكانية للاطلاع على المعلومات الشرطية ولا على أي رأي في كيفية استخدام مساهمته.",
    ),
    "corporate_foundation": T(
        en="As the foundation of a company, the partner was checked together with its parent group, which gains no commercial advantage from the partnership.",
        fr="S'agissant de la fondation d'une entreprise, le partenaire a été examiné conjointement avec son groupe, qui ne tire aucun avantage commercial du partenariat.",
        es="Al tratarse de la fundación de una empresa, el socio se examinó junto con su grupo empresarial, que no obtiene ninguna ventaja comercial de la asociación.",
        ar="وبما أن الشريك مؤسسة تابعة لشركة، فقد خضع للفحص مع المجموعة التي ينتمي إليها، ولا تجني هذه المجموعة أي ميزة تجارية من الشراكة.",
    ),
    "philanthropic_foundation": T(
        en="As a philanthropic foundation, the partner was checked for the origin of its endowment and the independence of its board.",
        fr="En tant que fondation philanthropique, le partenaire a fait l'objet d'un examen portant sur l'origine de sa dotation et l'indépendance de son conseil d'administration.",
        es="Al tratarse de una fundación filantrópica, se examinaron el origen de su dotación y la independencia de su patronato.",
        ar="وبما أن الشريك مؤسسة خيرية، فقد جرى التحقق من مصدر أموال الوقف الخاصة بها ومن استقلالية مجلس أمنائها.",
    ),
    "ngo_nonprofit": T(
        en="As a non-governmental organisation, the partner keeps its independence: the partnership covers shared work, not its advocacy or its sources.",
        fr="En tant qu'organisation non gouvernementale, le partenaire conserve son indépendance : le partenariat porte sur des travaux communs, et non sur ses activités de plaidoyer ou ses sources.",
        es="Como organización no gubernamental, el socio conserva su independencia: la asociación abarca el trabajo conjunto, no sus actividades de incidencia ni sus fuentes.",
        ar="وبصفته منظمة غير حكومية، يحتفظ الشريك باستقلاليته، إذ تقتصر الشراكة على العمل المشترك ولا تشمل أنشطة المناصرة التي يقوم بها أو مصادره.",
    ),
    "business_association": T(
        en="As a business association, the partner speaks for its members collectively; no individual member gains access to the organisation through it.",
        fr="En tant qu'association professionnelle, le partenaire représente collectivement ses membres ; aucun membre ne peut s'en servir pour accéder individuellement à l'organisation.",
        es="Como asociación empresarial, el socio representa a sus miembros de forma colectiva; ningún miembro obtiene a través de ella acceso individual a la organización.",
        ar="وبصفته رابطة أعمال، يمثّل الشريك أعضاءه بصورة جماعية، ولا يحصل أي عضو بمفرده من خلاله على إمكانية التواصل مع المنظمة.",
    ),
    "academic_research": T(
        en="As an academic institution, the partner keeps its freedom to publish; research results are shared only once any police information has been removed.",
        fr="En tant qu'établissement universitaire, le partenaire conserve sa liberté de publication ; les résultats de recherche ne sont diffusés qu'une fois expurgés de toute information de police.",
        es="Como institución académica, el socio conserva su libertad de publicación; los resultados de la investigación solo se difunden después de eliminar cualquier información policial.",
        ar="وبصفته مؤسسة أكاديمية، يحتفظ الشريك بحريته في النشر، ولا تُنشر نتائج البحوث إلا بعد حذف أي معلومات شرطية منها.",
    ),
    "other_nonprofit": T(
        en="As a non-profit organisation, the partner reports each year on how the activities of the partnership are carried out.",
        fr="En tant qu'organisation à but non lucratif, le partenaire rend compte chaque année de la mise en œuvre des activités du partenariat.",
        es="Como organización sin fines de lucro, el socio informa cada año sobre la ejecución de las actividades de la asociación.",
        ar="وبصفته منظمة غير ربحية، يقدّم الشريك تقريرًا سنويًا عن تنفيذ أنشطة الشراكة.",
    ),
}

# Contribution titles by type. "{of}" is replaced by the area's `of` form in the same language.
TITLES = {
    "financial_unearmarked": [
        T(
            en="Unearmarked contribution to the programme budget",
            fr="Contribution non affectée au budget du programme",
            es="Contribución no asignada al presupuesto del programa",
            ar="مساهمة غير مخصصة في ميزانية البرنامج",
        ),
        T(
            en="Multi-year core funding",
            fr="Financement de base pluriannuel",
            es="Financiación básica plurianual",
            ar="تمويل أساسي متعدد السنوات",
        ),
        T(
            en="Annual general contribution",
            fr="Contribution générale annuelle",
            es="Contribución general anual",
            ar="مساهمة عامة سنوية",
        ),
    ],
    "financial_earmarked": [
        T(
            en="Grant for {of} projects",
            fr="Subvention pour des projets {of}",
            es="Subvención para proyectos {of}",
            ar="منحة لمشاريع {of}",
        ),
        T(
            en="Funding for the {of} work plan",
            fr="Financement du plan de travail {of}",
            es="Financiación del plan de trabajo {of}",
            ar="تمويل خطة العمل في مجال {of}",
        ),
        T(
            en="Earmarked funding for regional {of} workshops",
            fr="Financement affecté à des ateliers régionaux {of}",
            es="Financiación finalista para talleres regionales {of}",
            ar="تمويل مخصص لحلقات عمل إقليمية في مجال {of}",
        ),
    ],
    "seconded_personnel": [
        T(
            en="Secondment of an analyst to the {of} team",
            fr="Détachement d'un analyste auprès de l'équipe {of}",
            es="Comisión de servicios de un analista en el equipo {of}",
            ar="إعارة محلل إلى فريق {of}",
        ),
        T(
            en="Seconded experts for {of} activities",
            fr="Experts détachés pour les activités {of}",
            es="Expertos en comisión de servicios para las actividades {of}",
            ar="خبراء معارون لدعم الأنشطة في مجال {of}",
        ),
    ],
    "software_licence": [
        T(
            en="Analysis software licences for {of} units",
            fr="Licences de logiciels d'analyse pour les unités {of}",
            es="Licencias de software de análisis para las unidades {of}",
            ar="تراخيص برمجيات تحليل لوحدات {of}",
        ),
        T(
            en="Case-management platform licences",
            fr="Licences d'une plateforme de gestion des dossiers",
            es="Licencias de una plataforma de gestión de casos",
            ar="تراخيص منصة لإدارة القضايا",
        ),
    ],
    "equipment": [
        T(
            en="Field kits for {of} teams",
            fr="Trousses de terrain pour les équipes {of}",
            es="Kits de campo para los equipos {of}",
            ar="حقائب أدوات ميدانية لفرق {of}",
        ),
        T(
            en="Workstations for member-country laboratories",
            fr="Postes de travail pour les laboratoires des pays membres",
            es="Estaciones de trabajo para los laboratorios de los países miembros",
            ar="محطات عمل لمختبرات البلدان الأعضاء",
        ),
    ],
    "premises_facilities": [
        T(
            en="Training rooms for {of} courses",
            fr="Salles de formation pour les cours {of}",
            es="Aulas de formación para los cursos {of}",
            ar="قاعات تدريب لدورات {of}",
        ),
        T(
            en="Office space for a regional liaison team",
            fr="Bureaux pour une équipe de liaison régionale",
            es="Espacio de oficinas para un equipo de enlace regional",
            ar="مكاتب لفريق اتصال إقليمي",
        ),
    ],
    "pro_bono_services": [
        T(
            en="Pro bono review of the {of} guidelines",
            fr="Relecture bénévole des lignes directrices {of}",
            es="Revisión gratuita de las directrices {of}",
            ar="مراجعة مجانية للمبادئ التوجيهية في مجال {of}",
        ),
        T(
            en="Pro bono translation of training materials",
            fr="Traduction bénévole de supports de formation",
            es="Traducción gratuita de materiales de formación",
            ar="ترجمة مجانية لمواد التدريب",
        ),
    ],
    "training": [
        T(
            en="{Of} course for investigators",
            fr="Cours {of} pour enquêteurs",
            es="Curso {of} para investigadores",
            ar="دورة في {of} للمحققين",
        ),
        T(
            en="Train-the-trainer programme",
            fr="Programme de formation de formateurs",
            es="Programa de formación de formadores",
            ar="برنامج تدريب المدرّبين",
        ),
    ],
    "data_or_technology_access": [
        T(
            en="Access to threat-intelligence feeds for {of} units",
            fr="Accès à des flux de renseignement sur les menaces pour les unités {of}",
            es="Acceso a fuentes de inteligencia sobre amenazas para las unidades {of}",
            ar="إتاحة تدفقات معلومات عن التهديدات لوحدات {of}",
        ),
        T(
            en="Access to {of} reference data",
            fr="Accès à une base de données de référence {of}",
            es="Acceso a una base de datos de referencia {of}",
            ar="إتاحة قاعدة بيانات مرجعية في مجال {of}",
        ),
    ],
    "other_in_kind": [
        T(
            en="Donation of awareness materials",
            fr="Don de supports de sensibilisation",
            es="Donación de materiales de sensibilización",
            ar="التبرع بمواد توعوية",
        ),
        T(
            en="In-kind sponsorship of a regional conference",
            fr="Parrainage en nature d'une conférence régionale",
            es="Patrocinio en especie de una conferencia regional",
            ar="رعاية عينية لمؤتمر إقليمي",
        ),
    ],
}

# The first sentence of a contribution's purpose: what accepting this kind of contribution means.
TYPE_PURPOSES = {
    "financial_unearmarked": T(
        en="The funds go to the programme's general budget and are allocated by the organisation under its own rules; the donor has no say in how they are spent.",
        fr="Les fonds sont versés au budget général du programme et répartis par l'organisation selon ses propres règles ; le donateur n'a pas son mot à dire sur leur emploi.",
        es="Los fondos se destinan al presupuesto general del programa y la organización los asigna con arreglo a sus propias normas; el donante no tiene voz en su utilización.",
        ar="تُودَع الأموال في الميزانية العامة للبرنامج وتوزّعها المنظمة وفقًا لقواعدها الخاصة، ولا رأي للجهة المانحة في كيفية إنفاقها.",
    ),
    "financial_earmarked": T(
        en="The funds are reserved for the activities named in the agreement and are reported on separately every year.",
        fr="Les fonds sont réservés aux activités désignées dans l'accord et font l'objet d'un rapport distinct chaque année.",
        es="Los fondos se reservan para las actividades indicadas en el acuerdo y se rinde cuenta de ellos por separado cada año.",
        ar="تُخصَّص الأموال للأنشطة المحددة في الاتفاق، ويُقدَّم عنها تقرير مستقل كل عام.",
    ),
    "seconded_personnel": T(
        en="The seconded staff work under the organisation's authority and its code of conduct, not the partner's.",
        fr="Le personnel détaché travaille sous l'autorité de l'organisation et selon son code de conduite, et non sous ceux du partenaire.",
        es="El personal en comisión de servicios trabaja bajo la autoridad de la organización y con arreglo a su código de conducta, no a los del socio.",
        ar="يعمل الموظفون المعارون تحت سلطة المنظمة ووفقًا لمدونة قواعد السلوك الخاصة بها، لا تحت سلطة الشريك.",
    ),
    "software_licence": T(
        en="The licences are used by officers in member countries; the organisation chose the product after comparing alternatives, and the partner has no access to the data processed with it.",
        fr="Les licences sont utilisées par des policiers des pays membres ; l'organisation a choisi le produit après avoir comparé d'autres solutions, et le partenaire n'a pas accès aux données traitées.",
        es="Las licencias las utilizan agentes de los países miembros; la organización eligió el producto tras comparar alternativas, y el socio no tiene acceso a los datos que se tratan con él.",
        ar="يستخدم التراخيصَ أفرادُ الشرطة في البلدان الأعضاء، وقد اختارت المنظمة المنتج بعد مقارنته ببدائل أخرى، ولا يطّلع الشريك على البيانات التي تُعالَج به.",
    ),
    "equipment": T(
        en="The equipment becomes the organisation's property and is sent where member countries need it most.",
        fr="Le matériel devient la propriété de l'organisation, qui l'envoie là où les pays membres en ont le plus besoin.",
        es="Los equipos pasan a ser propiedad de la organización, que los envía allí donde los países miembros más los necesitan.",
        ar="تصبح المعدات ملكًا للمنظمة التي ترسلها إلى حيث تشتد حاجة البلدان الأعضاء إليها.",
    ),
    "premises_facilities": T(
        en="The partner provides the space free of charge for the duration of the agreement.",
        fr="Le partenaire met les locaux à disposition gratuitement pendant toute la durée de l'accord.",
        es="El socio cede los espacios de forma gratuita durante toda la vigencia del acuerdo.",
        ar="يضع الشريك المكان تحت التصرّف مجانًا طوال مدة الاتفاق.",
    ),
    "pro_bono_services": T(
        en="The partner's experts work free of charge and sign a confidentiality undertaking.",
        fr="Les experts du partenaire travaillent gratuitement et signent un engagement de confidentialité.",
        es="Los expertos del socio trabajan de forma gratuita y firman un compromiso de confidencialidad.",
        ar="يعمل خبراء الشريك مجانًا ويوقّعون تعهدًا بالحفاظ على السرية.",
    ),
    "training": T(
        en="The courses are designed with the organisation's trainers, and the organisation selects the participants.",
        fr="Les cours sont conçus avec les formateurs de l'organisation, qui sélectionne les participants.",
        es="Los cursos se diseñan con los formadores de la organización, que selecciona a los participantes.",
        ar="تُصمَّم الدورات بالتعاون مع مدرّبي المنظمة التي تتولى اختيار المشاركين.",
    ),
    "data_or_technology_access": T(
        en="Access is given to named officers only, and the organisation alone decides how the information is used.",
        fr="L'accès est réservé à des agents nommément désignés, et l'organisation décide seule de l'utilisation des informations.",
        es="El acceso se concede únicamente a agentes designados nominalmente, y solo la organización decide cómo se utiliza la información.",
        ar="يقتصر الاطلاع على موظفين محددين بالاسم، وتنفرد المنظمة بتحديد كيفية استخدام المعلومات.",
    ),
    "other_in_kind": T(
        en="The gift in kind was accepted under the organisation's rules on donations.",
        fr="Ce don en nature a été accepté conformément aux règles de l'organisation relatives aux dons.",
        es="Esta donación en especie se aceptó con arreglo a las normas de la organización sobre donaciones.",
        ar="قُبل هذا التبرع العيني وفقًا لقواعد المنظمة المتعلقة بالتبرعات.",
    ),
}


def compose(template, area):
    """A title template filled with an area's `of` form, in every language."""
    of = area["of"]
    if "{of}" not in template.fr:
        return template
    return T(
        en=template.en.format(of=of.en, Of=of.en[:1].upper() + of.en[1:]),
        fr=template.fr.format(of=of.fr),
        es=template.es.format(of=of.es),
        ar=template.ar.format(of=of.ar),
    )


def join(*sentences):
    """Sentences side by side, in every language."""
    return T(
        en=" ".join(s.en for s in sentences),
        fr=" ".join(s.fr for s in sentences),
        es=" ".join(s.es for s in sentences),
        ar=" ".join(s.ar for s in sentences),
    )
