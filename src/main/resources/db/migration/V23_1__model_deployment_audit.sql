-- Deployment audit and four eyes on money rules (issue 14, item 2). Owned by the engine module (org.doudi.engine),
-- written only by its deployment hook and the complete listener of process rule-approval. docs/security.md.

-- Every new deployment, whatever its path (start-up, /engine-rest, the web apps): who deployed it and what.
CREATE TABLE model_deployment (
  deployment_id   VARCHAR(64)  PRIMARY KEY,
  name            VARCHAR(255),
  source          VARCHAR(255),
  -- the authenticated user, "application" for ModelDeployer's start-up deployment, "unauthenticated" for a call of
  -- the Java API without a user (the application's own code)
  deployed_by     VARCHAR(255) NOT NULL,
  by_application  BOOLEAN      NOT NULL,
  deployed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX model_deployment_at_idx ON model_deployment (deployed_at);

CREATE TABLE model_deployment_resource (
  deployment_id   VARCHAR(64)   NOT NULL REFERENCES model_deployment (deployment_id),
  resource_name   VARCHAR(500)  NOT NULL,
  sha256          CHAR(64)      NOT NULL,
  -- the definitions this resource created (process, decision, form … ids), comma-separated
  definition_ids  VARCHAR(4000),
  PRIMARY KEY (deployment_id, resource_name)
);

-- Each new version of a money rule (RulesInForce / MoneyRules): whether it is in force. A version decides only when
-- it came with the start-up deployment (STARTUP), is byte for byte the version in force (UNCHANGED), or was approved
-- by a second person (APPROVED). Versions deployed before this table existed have no row and count as in force.
CREATE TABLE rule_approval (
  decision_definition_id  VARCHAR(64)  PRIMARY KEY,
  decision_key            VARCHAR(255) NOT NULL,
  version                 INT          NOT NULL,
  deployment_id           VARCHAR(64)  NOT NULL REFERENCES model_deployment (deployment_id),
  author                  VARCHAR(255) NOT NULL,
  deployed_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the version in force when this one was deployed (null: none)
  in_force_before         VARCHAR(64),
  status                  VARCHAR(12)  NOT NULL,
  decided_by              VARCHAR(255),
  decided_at              TIMESTAMP WITH TIME ZONE,
  note                    VARCHAR(500),
  process_instance_id     VARCHAR(64),
  CONSTRAINT rule_approval_status_chk CHECK (status IN ('STARTUP', 'UNCHANGED', 'PENDING', 'APPROVED', 'REJECTED',
      'SUPERSEDED')),
  CONSTRAINT rule_approval_decided_chk CHECK (status NOT IN ('APPROVED', 'REJECTED')
      OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
  CONSTRAINT rule_approval_rejected_note_chk CHECK (status <> 'REJECTED' OR note IS NOT NULL)
);
CREATE INDEX rule_approval_key_idx ON rule_approval (decision_key, status);
