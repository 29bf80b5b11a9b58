/*
 * Names common among the families and staff of UK children's services that the `compromise`
 * tagger's lexicon (mostly English and American names) does not know: South Asian, Arabic and
 * Somali, West and East African, Eastern European, Irish, Chinese and Vietnamese, Turkish and Kurdish.
 * Drawn from the ONS's most common baby names in England and Wales and from common UK surnames of
 * those communities; a name here that is also an ordinary English word is left out (or, for a
 * first name, listed in personNames' ORDINARY_WORDS), since false alarms cost goodwill.
 * All in lower case; compared with a word's lower case.
 */

/** First names (given names). */
export const FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    // South Asian
    'aarav aarush aditya ahmed aisha amara amir amira anaya anil anjali arjun aryan asif asma ayaan ayesha azhar bilal deepak devi dhruv faisal farah fatima ' +
    'gurpreet hamza harpreet harjit hassan humaira imran inaya irfan ishaan ishaq jaspreet javed kabir kamal karan kavita kiran krishna manpreet maryam meera ' +
    'mehmood mohammad mohammed muhammad nadia naveed nazia neha nikhil nisha noor parveen pooja prakash priya priyanka rahul raj rajesh rani ravi rehana reza ' +
    'rohan rukhsana sadia safiya sahil saima sajid salma samina sana sanjay shabana shahid shazia simran sonia sunil tariq tahir usman vijay yasmin yusuf zain zara zainab zubair ' +
    // Arabic, Somali, Turkish and Kurdish
    'abdi abdullah abdirahman ali amina asha ayan aziz emre fadumo farhan habiba halima hodan ibrahim ismail khadija layla leyla mahad mustafa nasra omar ' +
    'osman rahma sahra samira ubah yasin zahra zeynep elif mehmet kemal baran rojda rania youssef khalid karim hussein hussain ' +
    // West and East African
    'abimbola adaeze adebayo adewale ama ayodele blessing chidi chidinma chinedu chioma chukwuemeka efua emeka femi folake funmilayo ifeoma ikenna kofi kwabena ' +
    'kwame kwasi nana ngozi nneka obinna oluwaseun oluwatobi olumide seun tendai tunde uche yaw yewande abena akosua esi tatenda rutendo chipo farai ' +
    // Eastern European
    'agnieszka aleksandra andrei andrzej anja bogdan dariusz dorota ewa ewelina grzegorz irina jakub joanna justyna kasia katarzyna krzysztof lukasz łukasz ' +
    'magdalena malgorzata małgorzata marek marta mateusz michal michał monika natalia oksana olena paulina pawel paweł piotr radek sylwia tomasz wojciech zofia ' +
    'agata alina bartosz daria dmitri elena ioana ivan katya mihai olga roxana sergei stefan svetlana tatiana vasile vlad yulia ' +
    // Irish and Scottish Gaelic
    'aoife aisling caoimhe ciara ciaran ciarán cian niamh oisin oisín padraig pádraig roisin róisín saoirse seamus séamus sinead sinéad siobhan siobhán ' +
    'orla orlaith eoin fionn fionnuala grainne gráinne mairead máiread eilidh ruairi ruaridh ' +
    // Chinese and Vietnamese
    'wei jing xiao mei ling hui yan ming thanh huong linh minh nguyet'
  ).split(/\s+/u),
);

/** Surnames (family names). */
export const SURNAMES: ReadonlySet<string> = new Set(
  (
    // South Asian
    'ahmed ahmad akhtar ali anwar aslam begum bibi chaudhry chaudhary choudhury chowdhury dhillon gill hussain hussein iqbal kaur khan mahmood malik ' +
    'miah mistry mohammed nawaz parmar patel qureshi rahman rana rashid sandhu sharma shah siddiqui singh uddin sidhu bhatti butt kapoor gupta joshi mehta ' +
    'reddy naidu pillai rao desai ' +
    // Arabic, Somali, Turkish and Kurdish
    'abdullahi abdi farah hassan warsame yusuf osman aden omar yilmaz kaya demir sahin şahin celik çelik ozturk öztürk ' +
    // West and East African
    'adeyemi adebayo adeleke afolabi ansah asante boateng danso eze mensah nwosu obi okafor okeke okonkwo okoro olawale oyelaran owusu osei ' +
    'oduya ogunleye onyeka mutasa moyo ndlovu banda phiri mwangi otieno kamau ' +
    // Eastern European
    'nowak kowalski kowalska wisniewski wiśniewski wisniewska wójcik wojcik kowalczyk kaminski kamiński lewandowski zielinski zieliński szymanski ' +
    'woźniak wozniak dabrowski dąbrowski kozlowski kozłowski jankowski mazur kwiatkowski krawczyk popescu popa ionescu dumitru stan kovacs kovács ' +
    'horvath horváth novak petrov ivanov kuznetsov shevchenko bondarenko kovalenko ' +
    // Irish and Scottish
    "o'brien o'connor o'neill o'sullivan o'reilly o'donnell o'leary o'connell o'mahony o'shea murphy kelly byrne ryan walsh doherty gallagher kennedy lynch " +
    'mccarthy mcloughlin mclaughlin quinn brennan flanagan fitzgerald donnelly macdonald mackenzie mcdonald mcgregor ' +
    // Chinese and Vietnamese
    'chen wang zhang liu huang zhao zhou nguyen tran pham hoang'
  ).split(/\s+/u),
);
