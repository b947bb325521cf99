// The skills a resume is matched against: about 300 common technical and
// non-technical skills, each with its aliases ("JS" -> JavaScript, "k8s" ->
// Kubernetes). An alias written "=Go" matches only with that exact case, for
// names that are also ordinary words or letters (Go, R, C, Excel, Spring). One-letter
// aliases (C, R) also need list punctuation around them: "C, C++" but not "John C. Smith".

export type TSkillCategory =
  | 'language' | 'frontend' | 'backend' | 'mobile' | 'database' | 'cloud' | 'devops'
  | 'data' | 'testing' | 'design' | 'product' | 'business' | 'people' | 'spoken';

export interface TSkill {
  name: string;
  category: TSkillCategory;
  aliases: readonly string[];
}

type TRow = readonly [name: string, ...aliases: string[]];

const ROWS: Record<TSkillCategory, readonly TRow[]> = {
  language: [
    ['JavaScript', 'JS', 'ECMAScript', 'ES6'], ['TypeScript', 'TS'], ['Python', 'Python3'], ['Java'], ['=C', 'ANSI C'],
    ['C++', 'CPP'], ['C#', 'C Sharp', 'CSharp'], ['=Go', 'Golang'], ['Rust'], ['Ruby'], ['PHP'], ['Kotlin'], ['=Swift'],
    ['Objective-C', 'ObjC'], ['Scala'], ['Elixir'], ['Erlang'], ['Haskell'], ['Clojure'], ['=R', 'R language', 'RStudio'],
    ['MATLAB'], ['Perl'], ['Lua'], ['Dart'], ['F#'], ['OCaml'], ['Groovy'], ['Visual Basic', 'VB.NET', 'VBA'],
    ['Shell scripting', 'Bash', '=Shell', 'Zsh'], ['PowerShell'], ['SQL', 'T-SQL', 'PL/SQL'], ['Solidity'], ['COBOL'],
    ['Fortran'], ['Assembly', 'x86 assembly'], ['WebAssembly', 'Wasm'], ['Zig'],
  ],
  frontend: [
    ['React', 'React.js', 'ReactJS'], ['Angular', 'AngularJS', 'Angular.js'], ['Vue.js', 'Vue', 'VueJS'], ['Svelte', 'SvelteKit'],
    ['Next.js', 'NextJS'], ['Nuxt', 'Nuxt.js'], ['Redux'], ['HTML', 'HTML5'], ['CSS', 'CSS3'], ['Sass', 'SCSS'],
    ['Tailwind CSS', 'Tailwind', 'TailwindCSS'], ['Bootstrap'], ['jQuery'], ['Webpack'], ['Vite'], ['GraphQL'],
    ['Three.js'], ['D3.js', 'D3'], ['Web accessibility', 'WCAG', 'a11y', 'Accessibility'], ['Storybook'], ['Ember.js', 'EmberJS'],
  ],
  backend: [
    ['Node.js', '=Node', 'NodeJS'], ['=Express', 'Express.js', 'ExpressJS'], ['NestJS', 'Nest.js'], ['Django'], ['Flask'],
    ['FastAPI'], ['Ruby on Rails', 'Rails', 'RoR'], ['=Spring', 'Spring Boot', 'SpringBoot'], ['.NET', 'ASP.NET', 'dotnet', '.NET Core'],
    ['Laravel'], ['Symfony'], ['Phoenix Framework', 'Elixir Phoenix'], ['gRPC'], ['REST APIs', 'REST', 'RESTful', 'REST API'], ['Microservices', 'Microservice'],
    ['Kafka', 'Apache Kafka'], ['RabbitMQ'], ['=Temporal', 'Temporal.io'], ['Celery'], ['OAuth', 'OAuth2', 'OpenID Connect', 'OIDC'],
    ['WebSockets', 'WebSocket'], ['Hibernate'], ['Prisma'], ['Nginx'], ['Linux', 'Ubuntu', 'Debian', 'RHEL'], ['Unix'],
  ],
  mobile: [
    ['iOS'], ['Android'], ['React Native'], ['Flutter'], ['SwiftUI'], ['Jetpack Compose'], ['Xamarin'], ['Ionic'],
  ],
  database: [
    ['PostgreSQL', 'Postgres', 'psql'], ['MySQL'], ['MariaDB'], ['SQLite'], ['Microsoft SQL Server', 'SQL Server', 'MSSQL'],
    ['Oracle Database', 'Oracle DB', 'Oracle'], ['MongoDB', 'Mongo'], ['Redis'], ['Elasticsearch', 'Elastic', 'ELK'],
    ['Cassandra', 'Apache Cassandra'], ['DynamoDB'], ['Neo4j'], ['Snowflake'], ['BigQuery'], ['Redshift', 'Amazon Redshift'],
    ['ClickHouse'], ['CockroachDB'], ['Firebase', 'Firestore'], ['Supabase'], ['Memcached'], ['InfluxDB'],
  ],
  cloud: [
    ['AWS', 'Amazon Web Services'], ['Microsoft Azure', 'Azure'], ['Google Cloud', 'GCP', 'Google Cloud Platform'],
    ['AWS Lambda', '=Lambda'], ['Amazon S3', 'S3'], ['Amazon EC2', 'EC2'], ['Heroku'], ['Vercel'], ['Cloudflare'],
    ['DigitalOcean'], ['Serverless'], ['OpenStack'],
  ],
  devops: [
    ['Kubernetes', 'k8s'], ['Docker', 'containers', 'Dockerfile'], ['Terraform'], ['Ansible'], ['=Chef'], ['=Puppet'],
    ['Helm'], ['Jenkins'], ['GitHub Actions'], ['GitLab CI', 'GitLab'], ['CircleCI'], ['CI/CD', 'CI / CD', 'Continuous Integration', 'Continuous Delivery'],
    ['Git', 'GitHub', 'Bitbucket'], ['Prometheus'], ['Grafana'], ['Datadog'], ['Splunk'], ['New Relic'], ['Sentry'],
    ['OpenTelemetry'], ['Istio'], ['Argo CD', 'ArgoCD'], ['Site Reliability Engineering', 'SRE'], ['Infrastructure as Code', 'IaC'],
    ['Pulumi'], ['Vagrant'], ['Networking', 'TCP/IP'], ['Cybersecurity', 'Information Security', 'InfoSec'],
    ['Penetration testing', 'Pentesting'], ['Incident management', 'Incident response'],
  ],
  data: [
    ['Machine Learning', 'ML'], ['Deep Learning'], ['Natural Language Processing', 'NLP'], ['Computer Vision'],
    ['TensorFlow'], ['PyTorch'], ['Keras'], ['scikit-learn', 'sklearn', 'scikit learn'], ['pandas'], ['NumPy'], ['SciPy'],
    ['Apache Spark', 'Spark', 'PySpark'], ['Hadoop'], ['Airflow', 'Apache Airflow'], ['dbt'], ['ETL', 'ELT'],
    ['Data analysis', 'Data analytics'], ['Data visualization', 'Data viz'], ['Tableau'], ['Power BI', 'PowerBI'], ['Looker'],
    ['Statistics', 'Statistical analysis'], ['A/B testing', 'AB testing', 'Experimentation'], ['Large Language Models', 'LLM', 'LLMs'],
    ['Generative AI', 'GenAI'], ['Data engineering'], ['Data modeling', 'Data modelling'], ['Jupyter'], ['MLOps'],
    ['Hugging Face', 'HuggingFace'], ['Databricks'], ['Kubeflow'],
  ],
  testing: [
    ['Jest'], ['Cypress'], ['Playwright'], ['Selenium'], ['JUnit'], ['pytest'], ['Mocha'], ['Test automation', 'Automated testing'],
    ['Unit testing'], ['Test-driven development', 'TDD'], ['Quality assurance', 'QA'], ['Performance testing', 'Load testing'],
  ],
  design: [
    ['Figma'], ['=Sketch'], ['Adobe Photoshop', 'Photoshop'], ['Adobe Illustrator', 'Illustrator'], ['Adobe InDesign', 'InDesign'],
    ['Adobe XD'], ['User research', 'UX research'], ['UX design', 'User experience', 'UX'], ['UI design', 'User interface design'],
    ['Wireframing', 'Wireframes'], ['Prototyping'], ['Interaction design'], ['Visual design'], ['Design systems', 'Design system'],
    ['Usability testing'], ['Graphic design'], ['Motion design', 'After Effects'], ['Typography'],
  ],
  product: [
    ['Product management'], ['Product strategy'], ['Roadmapping', 'Product roadmap', 'Roadmaps'], ['Agile', 'Agile methodologies'],
    ['Scrum', 'Scrum Master'], ['Kanban'], ['Jira'], ['Confluence'], ['User stories'], ['Requirements gathering', 'Requirements analysis'],
    ['Stakeholder management'], ['Project management', 'PMP'], ['Program management'], ['=Lean'], ['Six Sigma', 'Lean Six Sigma'],
    ['OKRs', 'OKR'], ['Go-to-market', 'GTM', 'Go to market'], ['Product analytics'], ['Technical writing'],
    ['System design', 'Systems design'], ['Software architecture', 'Solution architecture'], ['Distributed systems'],
    ['Object-oriented programming', 'OOP', 'Object oriented programming'], ['Functional programming'], ['Algorithms', 'Data structures'],
    ['Code review', 'Code reviews'], ['Performance optimization', 'Performance tuning'], ['Security', 'Application security', 'AppSec'],
  ],
  business: [
    ['Microsoft Excel', '=Excel', 'MS Excel'], ['Microsoft Office', 'MS Office', 'Office 365', 'Microsoft 365'], ['PowerPoint'], ['Google Sheets'],
    ['Salesforce'], ['HubSpot'], ['SAP'], ['Workday'], ['QuickBooks'], ['Zendesk'], ['Greenhouse'], ['=Lever'],
    ['=Sales', 'B2B sales', 'Enterprise sales'], ['Business development'], ['Account management'], ['Customer success'],
    ['Customer service', 'Customer support'], ['Lead generation'], ['Cold calling'], ['Negotiation'], ['CRM'],
    ['Marketing', 'Digital marketing'], ['Content marketing', 'Content strategy'], ['SEO', 'Search engine optimization'], ['SEM', 'Google Ads', 'PPC'],
    ['Social media marketing', 'Social media'], ['Email marketing'], ['Marketing automation'], ['Brand strategy', 'Branding'],
    ['Copywriting'], ['Public relations'], ['Market research'], ['Competitive analysis'], ['Google Analytics', 'GA4'],
    ['Financial analysis'], ['Financial modeling', 'Financial modelling'], ['Accounting'], ['Bookkeeping'], ['Budgeting', 'Budget management'],
    ['Forecasting'], ['FP&A', 'Financial planning and analysis'], ['Auditing'], ['Tax', 'Taxation'], ['GAAP', 'IFRS'],
    ['Payroll'], ['Procurement', 'Purchasing'], ['Supply chain management', 'Supply chain'], ['Logistics'], ['Operations management'],
    ['Inventory management'], ['Risk management'], ['Compliance', 'Regulatory compliance'], ['GDPR'], ['Contract management'],
    ['Business analysis', 'Business analyst'], ['Process improvement'], ['Change management'], ['Event planning', 'Event management'],
    ['Consulting'], ['E-commerce', 'Ecommerce'], ['Shopify'], ['Real estate'], ['Healthcare'], ['Patient care'],
    ['Nursing'], ['Teaching'], ['Curriculum development'], ['Legal research'], ['Data entry'],
  ],
  people: [
    ['Leadership', 'Team leadership'], ['People management', 'Team management', 'Managing teams'], ['Mentoring', 'Mentorship', 'Coaching'],
    ['Communication', 'Communication skills'], ['Public speaking', 'Presentations'], ['Teamwork', 'Collaboration', 'Cross-functional collaboration'],
    ['Problem solving', 'Problem-solving'], ['Critical thinking'], ['Time management'], ['Conflict resolution'], ['Decision making', 'Decision-making'],
    ['Strategic planning'], ['Hiring', 'Interviewing'], ['Recruiting', 'Recruitment', 'Talent acquisition', 'Sourcing'],
    ['Onboarding'], ['Employee relations'], ['Performance management'], ['Training', 'Training and development', 'Learning and development', 'L&D'],
    ['Human resources', 'HR', 'HRIS'], ['Compensation and benefits', 'Compensation'], ['Diversity and inclusion', 'DEI', 'D&I'],
    ['Customer relationship building', 'Relationship building'], ['Attention to detail'], ['Adaptability'], ['Creativity'],
    ['Facilitation', 'Workshop facilitation'], ['Remote collaboration', 'Remote work'],
  ],
  spoken: [
    ['English'], ['Spanish'], ['French'], ['German'], ['Mandarin', 'Chinese'], ['Japanese'], ['Portuguese'], ['Italian'],
    ['Arabic'], ['Hindi'], ['Russian'], ['Korean'], ['Dutch'], ['Polish'], ['Sign language', 'ASL'],
  ],
};

export const SKILLS: readonly TSkill[] = Object.entries(ROWS).flatMap(([category, rows]) =>
  rows.map(([name, ...aliases]) => ({ name: name.replace(/^=/, ''), category: category as TSkillCategory, aliases: [name, ...aliases] })),
);
