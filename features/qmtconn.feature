Feature: AT+QMTCONN — connect a client to the MQTT server (spec 3.3.4)

  Rule: A CONNECT carrying the client id, the credentials and the configured keep-alive is accepted with +QMTCONN: <idx>,0,0

    @spec:3.3.4:set @spec:3.3.4:result=0 @spec:3.3.4:ret_code=0 @spec:3.3.4:credentials @spec:3.3.4:max-response-time
    @spec:3.3.1:keepalive:keep_alive_time:default
    Scenario: Client 0 connects with a client id, user name and password
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCONN=0,"qmt-device-01","qa-user","{password}"
      Then the module answers OK
      And the module reports +QMTCONN: 0,0,0
      And the broker receives a CONNECT with:
        | client id  | qmt-device-01 |
        | user name  | qa-user       |
        | password   | {password}    |
        | keep-alive | 120           |

    @spec:3.3.1:keepalive:set @spec:3.3.4:set
    Scenario: The keep-alive configured before opening is the one in CONNECT
      When the host sends AT+QMTCFG="keepalive",0,60
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-device-02"
      Then the broker receives a CONNECT with:
        | client id  | qmt-device-02 |
        | keep-alive | 60            |
