@sub-option:session
Feature: Redelivery of an in-flight message after a reconnect with clean_session 0 (MQTT 3.1.1 §4.4)

  MQTT 3.1.1 §4.4: when a client reconnects with CleanSession 0, the server MUST resend every
  unacknowledged QoS 1/2 PUBLISH with its original packet id (and DUP set, which the Aedes
  fixture does not do, so the DUP flag of the broker's resend is not checked here). Through AT: the module
  subscribes with AT+QMTCFG="session",<idx>,0, a message reaches it, and the connection breaks
  as the module's PUBACK leaves (the broker never sees it). After AT+QMTOPEN and AT+QMTCONN
  under the same client id the broker resends the message, and the module reports it again as
  +QMTRECV (QoS 1 is "at least once": the host sees it twice, spec 3.3.6 <qos> 1).
  The break is reported as +QMTSTAT: <idx>,1 (spec 4.1: closed by the server).

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text

  Rule: A QoS 1 message whose PUBACK was lost is delivered again after the session resumes

    @spec:3.3.1:session:set @spec:4.2:message-with-length @spec:4.1:err_code=1
    Scenario: The broker resends the unacknowledged message and the module reports it again
      When the host sends AT+QMTCFG="session",0,0
      Then the module answers OK
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-redeliver"
      And client 0 has subscribed to "qmt/redeliver" at QoS 1
      Given the broker closes the connection as soon as the module sends PUBACK
      When another client publishes "again" to "qmt/redeliver" at QoS 1
      Then the module reports +QMTRECV: 0,{publish-msgid},"qmt/redeliver",5,"again"
      And the module reports +QMTSTAT: 0,1
      Given the broker stops cutting connections
      And client 0 is connected to the broker as "qmt-redeliver"
      Then the broker has sent the module the message on "qmt/redeliver" 2 times with one packet id
      And the module reports +QMTRECV: 0,{publish-msgid},"qmt/redeliver",5,"again"
